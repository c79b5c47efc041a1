// The manual verification provider: operators call the sampled people, the last outcome decides the batch.
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { runSpotCheck } from '@leadex/core';
import { eq, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, type TestUser } from '../helpers/actors';
import { createSellerActor } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let operator: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'manualcheck' });
  operator = await createOperatorUser(app);
  await app
    .client(operator)
    .request(
      'mutation { setSegmentPolicy(segment: "EDUCATION", verificationProvider: manual, failedBatchPolicy: REJECT) { code verificationProvider failedBatchPolicy } }',
    );
});
afterAll(() => app.close());

const TASKS = '{ verificationTasks { id batchId status lead { id contact { fullName phone } } } }';
const RECORD =
  'mutation($id: ID!, $o: CallOutcome!, $n: String) { recordVerificationOutcome(taskId: $id, outcome: $o, note: $n) { task { id status outcome } batchVerdict } }';
type Task = { id: string; batchId: string; lead: { id: string; contact: { fullName: string } } };
const education = () => validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Statistics' } });

async function submitBatch(n: number) {
  const seller = await createSellerActor(app);
  const batch = await submitLeads(app.runtime.deps, seller, Array.from({ length: n }, education), { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  expect(await runSpotCheck(app.runtime.deps, batch.id)).toBeNull(); // waiting for operators
  expect(await runSpotCheck(app.runtime.deps, batch.id)).toBeNull(); // and a repeat opens no second set of tasks
  const { verificationTasks } = await app.client(operator).request<{ verificationTasks: Task[] }>(TASKS);
  return { batch, tasks: verificationTasks.filter((t) => t.batchId === batch.id) };
}

it('lists the batch when the calls reach real people, and audits the operator reading the contact', async () => {
  const { batch, tasks } = await submitBatch(10);
  expect(tasks).toHaveLength(3); // lot of 10 → sample of 3
  expect(tasks[0]!.lead.contact.fullName).toBe('Maria Lopez');
  const results = [];
  for (const [i, t] of tasks.entries()) {
    results.push(
      (
        await app
          .client(operator)
          .request<{ recordVerificationOutcome: { batchVerdict: string | null } }>(RECORD, { id: t.id, o: i === 0 ? 'NO_ANSWER' : 'REACHABLE' })
      ).recordVerificationOutcome.batchVerdict,
    );
  }
  expect(results).toEqual([null, null, 'VERIFIED']);
  const leads = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.batchId, batch.id));
  expect(leads.every((l) => l.status === 'LISTED' && l.verification === 'VERIFIED')).toBe(true);
  const reads = await app.runtime.deps.db.select().from(schema.contactReads).where(eq(schema.contactReads.purpose, 'OPERATOR'));
  expect(reads.length).toBeGreaterThanOrEqual(3);
  const again = await app
    .client(operator)
    .request(RECORD, { id: tasks[1]!.id, o: 'WRONG_NUMBER' })
    .catch((e: ClientError) => e.response.errors![0]);
  expect(again).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'TASK_ALREADY_DONE' } });
});

it('rejects the batch under a REJECT policy when a call finds a wrong number', async () => {
  const { batch, tasks } = await submitBatch(5);
  expect(tasks).toHaveLength(2);
  await app.client(operator).request(RECORD, { id: tasks[0]!.id, o: 'WRONG_NUMBER', n: 'a pizzeria answered' });
  const last = await app.client(operator).request<{ recordVerificationOutcome: { batchVerdict: string } }>(RECORD, { id: tasks[1]!.id, o: 'REACHABLE' });
  expect(last.recordVerificationOutcome.batchVerdict).toBe('FAILED');
  const leads = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.batchId, batch.id));
  expect(leads.every((l) => l.status === 'REJECTED')).toBe(true);
  const findings = await app.runtime.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.batchId, batch.id));
  expect(findings.find((f) => f.code === 'WRONG_NUMBER')!.message).toContain('a pizzeria answered');
});

it('keeps these tools from non-operators', async () => {
  const { signUpAs } = await import('../helpers/actors');
  const seller = await signUpAs(app, 'SELLER');
  const err = await app
    .client(seller)
    .request(TASKS)
    .catch((e: ClientError) => e.response.errors![0]);
  expect(err).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
});
