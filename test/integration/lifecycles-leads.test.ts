// The lifecycles of the leads, verification and exchange side, driven through the real writers: a move the
// lifecycle does not list is a DomainError with the code the API names, never a silent no-op.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { createCampaign } from '@leadex/core/domain/exchange/campaigns.service';
import { eraseLeadContact, withdrawLead } from '@leadex/core/domain/leads/lead-actions';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { checkoutOrder } from '@leadex/core/domain/orders/checkout-order';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { expireLeads } from '@leadex/core/domain/pricing/expire-leads';
import { runSpotCheck } from '@leadex/core';
import { eq, schema } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { errorOf } from '../helpers/graphql-errors';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'lifecycles', stripe: true });
});
afterAll(() => app.close());

const leadRow = async (id: string) => (await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, id)))[0]!;

describe('lead', () => {
  it('refuses to withdraw a SOLD_OUT lead, and erasing it keeps it SOLD_OUT', async () => {
    const seller = await createSellerActor(app);
    const [buyer] = await createBuyerActors(app, 1);
    await fundWallet(app, buyer!, '500.00');
    await campaign(buyer!, app, { maxBid: '300.00', filter: { cities: ['Glendale'] } });
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city: 'Glendale' })]);
    expect((await allocateLead(app.runtime.deps, leadId!)).sold).toHaveLength(1);
    expect((await leadRow(leadId!)).status).toBe('SOLD_OUT');
    await expect(withdrawLead(app.runtime.deps, seller, leadId!)).rejects.toMatchObject({
      code: 'LEAD_NOT_WITHDRAWABLE',
      message: 'A SOLD_OUT lead cannot be withdrawn',
    });
    await eraseLeadContact(app.runtime.deps, seller, leadId!);
    expect(await leadRow(leadId!)).toMatchObject({ status: 'SOLD_OUT', previewName: '[erased]' });
  });

  it('refuses to withdraw an EXPIRED lead, or a WITHDRAWN one a second time', async () => {
    const seller = await createSellerActor(app);
    const [expiring, other] = await listLeads(app, seller, [validLead(), validLead()]);
    const later = new Date(Date.now() + 400 * 86_400_000);
    expect(await expireLeads(app.runtime.deps.db, later, [expiring!])).toBe(1);
    await expect(withdrawLead(app.runtime.deps, seller, expiring!)).rejects.toMatchObject({ code: 'LEAD_NOT_WITHDRAWABLE' });
    await withdrawLead(app.runtime.deps, seller, other!);
    await expect(withdrawLead(app.runtime.deps, seller, other!)).rejects.toMatchObject({
      code: 'LEAD_NOT_WITHDRAWABLE',
      message: 'A WITHDRAWN lead cannot be withdrawn',
    });
    // the expiry sweep moves only LISTED leads: the withdrawn one stays as it is
    expect(await expireLeads(app.runtime.deps.db, later, [other!])).toBe(0);
    expect((await leadRow(other!)).status).toBe('WITHDRAWN');
  });

  it('keeps a lead WITHDRAWN when an order that held it is paid afterwards (the sale still counts)', async () => {
    const seller = await createSellerActor(app);
    const [buyer] = await createBuyerActors(app, 1);
    const [leadId] = await listLeads(app, seller, [sharedLead(1)]);
    const order = await createOrder(app.runtime.deps, buyer!, { leadIds: [leadId!] });
    await withdrawLead(app.runtime.deps, seller, leadId!);
    const checkout = await checkoutOrder(app.runtime.deps, buyer!, order.id);
    const res = await fetch(`${app.stripe!.url}/_standin/checkout/${checkout.sessionId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card: '4242424242424242' }),
    });
    expect(res.ok).toBe(true);
    await app.stripe!.deliverPendingEvents();
    expect(await leadRow(leadId!)).toMatchObject({ status: 'WITHDRAWN', salesCount: 1, reservedCount: 0 });
  });

  it('refuses a buyer who tries to withdraw a lead (not the seller’s role)', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [validLead()]);
    const [buyer] = await createBuyerActors(app, 1);
    await expect(withdrawLead(app.runtime.deps, buyer!, leadId!)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    expect((await leadRow(leadId!)).status).toBe('LISTED');
  });
});

describe('lead batch', () => {
  it('answers the batch status as an enum, and a second spot-check of a decided batch changes nothing', async () => {
    const seller = await signUpAs(app, 'SELLER');
    const SUBMIT = 'mutation($input: [LeadInput!]!) { submitLeads(input: $input) { id status accepted } }';
    const { submitLeads: batch } = await app.client(seller).request<{ submitLeads: { id: string; status: string } }>(SUBMIT, { input: [validLead()] });
    expect(batch.status).toBe('PENDING_VERIFICATION');
    expect(await runSpotCheck(app.runtime.deps, batch.id)).toMatchObject({ passed: true });
    expect(await runSpotCheck(app.runtime.deps, batch.id)).toBeNull();
    const [row] = await app.runtime.deps.db.select().from(schema.leadBatches).where(eq(schema.leadBatches.id, batch.id));
    expect(row!.status).toBe('VERIFIED');
  });

  it('creates a batch with nothing accepted as REJECTED', async () => {
    const seller = await createSellerActor(app);
    const batch = await submitLeads(app.runtime.deps, seller, [validLead({ phone: 'not a phone', email: 'not an email' })], {
      source: 'GRAPHQL',
      shapeErrors: 'reject-row',
    });
    expect(batch).toMatchObject({ accepted: 0, status: 'REJECTED' });
    expect(await runSpotCheck(app.runtime.deps, batch.id)).toBeNull();
  });
});

describe('verification task', () => {
  let operator: TestUser;
  const RECORD = 'mutation($id: ID!, $o: CallOutcome!) { recordVerificationOutcome(taskId: $id, outcome: $o) { task { id status } batchVerdict } }';

  beforeAll(async () => {
    operator = await createOperatorUser(app);
    await app.client(operator).request('mutation { setSegmentPolicy(segment: "EDUCATION", verificationProvider: manual) { code } }');
  });

  it('refuses a second outcome for a DONE task with TASK_ALREADY_DONE, and lists DONE tasks by the enum', async () => {
    const seller = await createSellerActor(app);
    const lead = validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Statistics' } });
    const batch = await submitLeads(app.runtime.deps, seller, [lead], { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
    expect(await runSpotCheck(app.runtime.deps, batch.id)).toBeNull();
    const open = await app
      .client(operator)
      .request<{ verificationTasks: { id: string; batchId: string; status: string }[] }>('{ verificationTasks(status: OPEN) { id batchId status } }');
    const task = open.verificationTasks.find((t) => t.batchId === batch.id)!;
    expect(task.status).toBe('OPEN');
    const done = await app
      .client(operator)
      .request<{ recordVerificationOutcome: { task: { status: string }; batchVerdict: string } }>(RECORD, { id: task.id, o: 'REACHABLE' });
    expect(done.recordVerificationOutcome).toEqual({ task: { id: task.id, status: 'DONE' }, batchVerdict: 'VERIFIED' });
    expect(await errorOf(app.client(operator).request(RECORD, { id: task.id, o: 'WRONG_NUMBER' }))).toMatchObject({
      extensions: { code: 'CONFLICT', reason: 'TASK_ALREADY_DONE' },
    });
    const listed = await app.client(operator).request<{ verificationTasks: { id: string }[] }>('{ verificationTasks(status: DONE) { id status } }');
    expect(listed.verificationTasks.map((t) => t.id)).toContain(task.id);
    expect(await errorOf(app.client(operator).request('{ verificationTasks(status: "CLOSED") { id } }'))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('campaign', () => {
  const SET = 'mutation($id: ID!, $active: Boolean!) { setCampaignActive(id: $id, active: $active) { id active status } }';

  it('pauses and resumes, and refuses pausing a paused campaign or resuming an active one', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const actor = { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER' as const, via: 'session' as const };
    const created = await createCampaign(app.runtime.deps, actor, {
      name: 'Lifecycle',
      filter: { segments: ['AUTO_TEST_DRIVE'] },
      maxBid: '5.00',
      exclusivity: 'SHARED',
    });
    const client = app.client(buyer);
    expect(await errorOf(client.request(SET, { id: created.id, active: true }))).toMatchObject({
      message: 'The campaign is already ACTIVE',
      extensions: { code: 'CONFLICT', reason: 'TRANSITION_NOT_ALLOWED' },
    });
    expect((await client.request<{ setCampaignActive: unknown }>(SET, { id: created.id, active: false })).setCampaignActive).toEqual({
      id: created.id,
      active: false,
      status: 'PAUSED',
    });
    expect(await errorOf(client.request(SET, { id: created.id, active: false }))).toMatchObject({
      message: 'The campaign is already PAUSED',
      extensions: { code: 'CONFLICT', reason: 'TRANSITION_NOT_ALLOWED' },
    });
    expect((await client.request<{ setCampaignActive: unknown }>(SET, { id: created.id, active: true })).setCampaignActive).toEqual({
      id: created.id,
      active: true,
      status: 'ACTIVE',
    });
    const { myCampaigns } = await client.request<{ myCampaigns: { id: string; status: string }[] }>('{ myCampaigns { id status } }');
    expect(myCampaigns).toEqual([{ id: created.id, status: 'ACTIVE' }]);
  });
});
