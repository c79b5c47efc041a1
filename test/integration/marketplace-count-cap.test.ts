// The marketplace's capped count (issue 15): above 10,000 matches it answers "at least 10,000" without counting
// every row, while totalCount keeps its exact meaning; page offsets stop at the cap.
import { schema, sql } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { errorOf } from '../helpers/graphql-errors';
import { createSellerActor, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const COUNTS = /* GraphQL */ `
  query Counts($filter: LeadFilter, $offset: Int) {
    marketplace(filter: $filter, first: 1, offset: $offset) {
      totalCount
      totalCountCapped {
        count
        capped
      }
      edges {
        node {
          id
        }
      }
    }
  }
`;
type Counts = { marketplace: { totalCount: number; totalCountCapped: { count: number; capped: boolean }; edges: { node: { id: string } }[] } };

let app: TestApp;
let buyer: TestUser;

beforeAll(async () => {
  app = await startTestApp({ label: 'market-count-cap' });
  const seller = await createSellerActor(app);
  buyer = await signUpAs(app, 'BUYER');
  const [original] = await listLeads(app, seller, [validLead()]);
  // 10,049 copies of one listed lead, set-based (submitting them one by one would take minutes)
  const db = app.runtime.deps.db;
  // the table's columns as the database names them (a drizzle table's enumerable properties are its columns)
  const columns = Object.values(schema.leads as unknown as Record<string, { name?: unknown; columnType?: unknown }>)
    .filter((c) => typeof c?.name === 'string' && typeof c.columnType === 'string')
    .map((c) => c.name as string);
  const copy = columns.map((c) => (c === 'id' ? `'lead_cp' || lpad(g::text, 8, '0')` : c === 'external_id' ? 'NULL' : `l.${c}`));
  await db.execute(
    sql`INSERT INTO leads (${sql.raw(columns.join(', '))}) SELECT ${sql.raw(copy.join(', '))} FROM leads l, generate_series(1, 10049) g WHERE l.id = ${original}`,
  );
}, 120_000);

afterAll(() => app.close());

const counts = (vars: Record<string, unknown>) => app.client(buyer).request<Counts>(COUNTS, vars);

it('caps the count at 10,000 and keeps totalCount exact', async () => {
  const all = (await counts({})).marketplace;
  expect(all.totalCountCapped).toEqual({ count: 10_000, capped: true });
  expect(all.totalCount).toBe(10_050);
  // a narrow filter is counted exactly
  expect((await counts({ filter: { countries: ['GB'] } })).marketplace.totalCountCapped).toEqual({ count: 0, capped: false });
});

it('pages by offset up to the cap and no further', async () => {
  expect((await counts({ offset: 10_000 })).marketplace.edges).toHaveLength(1);
  expect((await errorOf(counts({ offset: 10_001 }))).extensions?.code).toBe('BAD_USER_INPUT');
});
