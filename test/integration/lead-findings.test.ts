// Lead.findings and Lead.signals through GraphQL: the owning seller's and operators' working data only.
import type { Actor } from '@leadex/core/domain/auth/access';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Answer = {
  lead: {
    id: string;
    seller: { id: string; name: string };
    signals: { code: string; field: string | null; severity: string }[] | null;
    findings: { stage: string; code: string; severity: string }[] | null;
    checks: { name: string }[];
  } | null;
};
const READ = 'query($id: ID!) { lead(id: $id) { id seller { id name } signals { code field severity } findings { stage code severity } checks { name } } }';

let app: TestApp;
let seller: TestUser;
let leadId: string;
beforeAll(async () => {
  app = await startTestApp({ label: 'findings' });
  seller = await signUpAs(app, 'SELLER');
  const actor: Actor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER', via: 'session' };
  leadId = (await listLeads(app, actor, [validLead({ attributes: { brand: 'Toyota', model: 'Corolla', colour: 'red' } })]))[0]!;
});
afterAll(() => app.close());

const read = async (user: { token: string }) => (await app.client(user).request<Answer>(READ, { id: leadId })).lead;

it("shows the owning seller the lead's signals and its findings, oldest first", async () => {
  const lead = await read(seller);
  expect(lead!.seller.id).toBe(seller.organizationId);
  expect(lead!.signals).toEqual(expect.arrayContaining([{ code: 'ATTRIBUTE_UNKNOWN', field: 'attributes.colour', severity: 'WARNING' }]));
  expect(lead!.findings!.map((f) => f.stage)).toEqual(expect.arrayContaining(['SUBMISSION', 'AUTOMATIC']));
  expect(lead!.findings!.findIndex((f) => f.stage === 'SUBMISSION')).toBeLessThan(lead!.findings!.findIndex((f) => f.stage === 'AUTOMATIC'));
});

it('shows operators the same', async () => {
  const lead = await read(await createOperatorUser(app));
  expect(lead!.signals!.map((s) => s.code)).toContain('ATTRIBUTE_UNKNOWN');
  expect(lead!.findings!.length).toBeGreaterThan(0);
});

it('gives a buyer and another seller the checks but null signals and findings', async () => {
  for (const other of [await signUpAs(app, 'BUYER'), await signUpAs(app, 'SELLER')]) {
    const lead = await read(other);
    expect(lead).toMatchObject({ id: leadId, signals: null, findings: null });
    expect(lead!.checks.length).toBeGreaterThan(0);
  }
});
