// Malformed submissions get BAD_USER_INPUT (never a server error) and write nothing.
import fc from 'fast-check';
import { count, schema } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let seller: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'fuzz' });
  seller = await signUpAs(app, 'SELLER');
});
afterAll(() => app.close());

const SUBMIT = 'mutation($input: [LeadInput!]!) { submitLeads(input: $input) { id accepted rejected } }';

async function post(variables: unknown) {
  const res = await fetch(app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${seller.token}` },
    body: JSON.stringify({ query: SUBMIT, variables }),
  });
  return (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string; fields?: unknown[] } }[] };
}

async function rowCounts() {
  const [leads] = await app.runtime.deps.db.select({ n: count() }).from(schema.leads);
  const [batches] = await app.runtime.deps.db.select({ n: count() }).from(schema.leadBatches);
  return { leads: leads!.n, batches: batches!.n };
}

// Each mutation turns a valid lead into one whose shape is wrong.
const overlong = (n: number) => fc.string({ minLength: n + 1, maxLength: n + 40 }).filter((s) => s.trim().length > n);
const malformedField: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(fc.constantFrom('fullName', 'segment', 'country', 'kind', 'sourceChannel', 'capturedAt', 'consent', 'exclusivity'), fc.constant(undefined)),
  fc.tuple(fc.constantFrom('fullName', 'segment', 'country', 'capturedAt', 'consent'), fc.constant(null)),
  fc.tuple(
    fc.constant('kind'),
    fc.string().filter((s) => !['QUICK', 'REGISTRATION', 'PROMOTIONAL', 'INTERESTED'].includes(s)),
  ),
  fc.tuple(fc.constant('temperature'), fc.constantFrom('LUKEWARM', 'hot', '', 42)),
  fc.tuple(fc.constant('capturedAt'), fc.oneof(fc.constantFrom('yesterday', '2026-13-45T00:00:00Z', '', 'NaN'), fc.integer(), fc.boolean())),
  fc.tuple(fc.constant('askingPrice'), fc.oneof(fc.constantFrom('1.2.3', 'ten', '-5', '1e3', '12.345', ''), fc.double(), fc.integer())),
  fc.tuple(
    fc.constant('maxSales'),
    fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 21, max: 2_000_000_000 }), fc.constant(1e12), fc.constant('3')),
  ),
  fc.tuple(fc.constant('formFillSeconds'), fc.oneof(fc.integer({ min: -100000, max: -1 }), fc.double({ min: 0.1, max: 10, noInteger: true }))),
  fc.tuple(fc.constant('country'), fc.oneof(fc.constantFrom('USA', 'U', '12', ''), fc.string({ minLength: 3 }))),
  fc.tuple(fc.constant('attributes'), fc.oneof(fc.constant('brand=Toyota'), fc.array(fc.integer(), { maxLength: 3 }), fc.integer())),
  fc.tuple(fc.constantFrom('fullName'), overlong(200)),
  fc.tuple(fc.constantFrom('city'), overlong(100)),
  fc.tuple(fc.constantFrom('email', 'phone', 'region', 'externalId'), overlong(260)),
  fc.tuple(
    fc.constant('consent'),
    fc.oneof(
      fc.constant({ text: 'ok' }),
      fc.constant({ text: '', timestamp: new Date().toISOString() }),
      fc.constant('yes'),
      fc.constant({ text: 'ok', timestamp: 'soon' }),
    ),
  ),
  fc.tuple(fc.constant('unknownField'), fc.anything()),
  fc.tuple(fc.constant('exclusivity'), fc.constantFrom('BOTH', 'exclusive', 1)),
);

describe('submitLeads under malformed input', () => {
  it('answers every malformed lead with BAD_USER_INPUT and field paths, and writes nothing', async () => {
    const before = await rowCounts();
    await fc.assert(
      fc.asyncProperty(fc.array(malformedField, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 3 }), async (mutations, goodBefore) => {
        const bad: Record<string, unknown> = validLead();
        for (const [field, value] of mutations) {
          if (value === undefined) delete bad[field];
          else bad[field] = value;
        }
        const input = [...Array.from({ length: goodBefore }, () => validLead()), bad];
        const body = await post({ input });
        expect(body.errors?.length).toBeGreaterThan(0);
        for (const e of body.errors!) expect(e.extensions?.code).toBe('BAD_USER_INPUT');
        expect(body.errors![0]!.extensions?.fields?.length).toBeGreaterThan(0);
      }),
      { numRuns: 250, seed: 20261123 },
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('answers arbitrary JSON in place of the leads with BAD_USER_INPUT only', async () => {
    const before = await rowCounts();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 4 }), fc.constant([])), async (input) => {
        const body = await post({ input });
        expect(body.errors?.length).toBeGreaterThan(0);
        for (const e of body.errors!) expect(e.extensions?.code).toBe('BAD_USER_INPUT');
      }),
      { numRuns: 200, seed: 7 },
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('still accepts the valid lead the mutations start from', async () => {
    const body = await post({ input: [validLead()] });
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ submitLeads: { accepted: 1, rejected: 0 } });
  });
});
