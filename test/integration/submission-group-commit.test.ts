// Concurrent single-lead submissions share statements (group commit, core/src/domain/shared/group-writer.ts):
// every call still answers with its own batch, its leads stored under it, and a refusal only for its own lead.
import { eq, inArray, schema } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { SUBMIT_LEADS } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let seller: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'groupcommit' });
  seller = await signUpAs(app, 'SELLER');
});
afterAll(() => app.close());

type Submitted = { submitLeads: { id: string; accepted: number; results: { lead: { id: string } | null; issues: { code: string }[] }[] } };
const submit = (leads: Record<string, unknown>[]) => app.client(seller).request<Submitted>(SUBMIT_LEADS, { input: leads });

it('stores 24 concurrent one-lead submissions, each under its own batch', async () => {
  const inputs = Array.from({ length: 24 }, (_, i) => validLead({ externalId: `group-${i}` }));
  const answers = await Promise.all(inputs.map((lead) => submit([lead])));
  expect(answers.every((a) => a.submitLeads.accepted === 1)).toBe(true);
  const batchIds = answers.map((a) => a.submitLeads.id);
  expect(new Set(batchIds).size).toBe(24);
  const db = app.runtime.deps.db;
  const stored = await db
    .select({ id: schema.leads.id, batchId: schema.leads.batchId, externalId: schema.leads.externalId })
    .from(schema.leads)
    .where(inArray(schema.leads.batchId, batchIds));
  // each call's lead is under that call's batch, with that call's externalId
  expect(stored.map((l) => [l.batchId, l.id, l.externalId]).sort()).toEqual(
    answers.map((a, i) => [a.submitLeads.id, a.submitLeads.results[0]!.lead!.id, `group-${i}`]).sort(),
  );
  const batches = await db.select().from(schema.leadBatches).where(inArray(schema.leadBatches.id, batchIds));
  expect(batches.map((b) => [b.total, b.accepted, b.rejected])).toEqual(Array.from({ length: 24 }, () => [1, 1, 0]));
});

it('refuses only the submissions that race for a taken externalId; the others in their group are stored', async () => {
  const racing = Array.from({ length: 6 }, () => validLead({ externalId: 'crm-race' }));
  const others = Array.from({ length: 12 }, (_, i) => validLead({ externalId: `other-${i}` }));
  const outcomes = await Promise.allSettled([...racing, ...others].map((lead) => submit([lead])));
  const raced = outcomes.slice(0, 6);
  const db = app.runtime.deps.db;
  const taken = await db.select().from(schema.leads).where(eq(schema.leads.externalId, 'crm-race'));
  expect(taken).toHaveLength(1);
  // the winner stored its lead; each loser was refused, as its own answer: a lead-level EXTERNAL_ID_TAKEN or a CONFLICT
  const stored = raced.filter((o) => o.status === 'fulfilled' && o.value.submitLeads.accepted === 1);
  expect(stored).toHaveLength(1);
  for (const o of raced) {
    if (o.status === 'rejected')
      expect((o.reason as { response: { errors: { extensions: { code: string } }[] } }).response.errors[0]!.extensions.code).toBe('CONFLICT');
    else if (o.value.submitLeads.accepted === 0) expect(o.value.submitLeads.results[0]!.issues.map((i) => i.code)).toContain('EXTERNAL_ID_TAKEN');
  }
  expect(outcomes.slice(6).every((o) => o.status === 'fulfilled' && o.value.submitLeads.accepted === 1)).toBe(true);
});
