// Disputes: the window, one per purchase, automatic checks, operator decisions, exactly-once refunds.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { refundAcceptedDispute } from '@leadex/core/domain/disputes/refund-dispute';
import { issueRefund } from '@leadex/core/domain/payments/issue-refund';
import { eq, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import Stripe from 'stripe';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';

const OPEN = `mutation($input: OpenDisputeInput!, $key: String) { openDispute(input: $input, idempotencyKey: $key) { id status reason autoCheck autoDecided refund { amount } } }`;
const RESOLVE = `mutation($id: ID!, $decision: DisputeDecision!, $amount: Decimal, $note: String) { resolveDispute(id: $id, decision: $decision, refundAmount: $amount, note: $note) { id status refund { amount } note } }`;
type D = { id: string; status: string; reason: string; autoCheck: string | null; autoDecided: boolean; refund: { amount: string } | null };

let app: TestApp;
let sdk: Stripe;
let operator: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'disputes', stripe: true, workers: true });
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
  operator = await createOperatorUser(app);
});
afterAll(() => app.close());

async function purchaseAs(buyer: TestUser, lead = sharedLead(3)) {
  const seller = await createSellerActor(app);
  const [leadId] = await listLeads(app, seller, [lead]);
  const { purchases } = await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [leadId!]);
  return { purchase: purchases[0]!, leadId: leadId!, seller };
}
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );

describe('opening a dispute', () => {
  it('takes one dispute per purchase; the same idempotency key answers with the first', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { purchase } = await purchaseAs(buyer);
    const input = { purchaseId: purchase.id, reason: 'NOT_INTERESTED', evidence: 'Said they never filled any form.' };
    const first = await app.client(buyer).request<{ openDispute: D }>(OPEN, { input, key: 'dsp-1' });
    expect(first.openDispute).toMatchObject({ status: 'OPEN', reason: 'NOT_INTERESTED', autoDecided: false });
    const again = await app.client(buyer).request<{ openDispute: D }>(OPEN, { input, key: 'dsp-1' });
    expect(again.openDispute.id).toBe(first.openDispute.id);
    expect((await errorOf(app.client(buyer).request(OPEN, { input }))).extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DISPUTED' });
    const stranger = await signUpAs(app, 'BUYER', 'stranger');
    expect((await errorOf(app.client(stranger).request(OPEN, { input }))).extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a dispute after the return window closes', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { purchase } = await purchaseAs(buyer);
    const { openDispute } = await import('@leadex/core/domain/disputes/open-dispute');
    const later = { ...app.runtime.deps, clock: () => new Date(purchase.purchasedAt.getTime() + 72 * 3_600_000) };
    await expect(
      openDispute(
        later,
        { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' },
        { purchaseId: purchase.id, reason: 'FAKE' },
      ),
    ).rejects.toMatchObject({ code: 'RETURN_WINDOW_CLOSED' });
  });

  it('accepts a DUPLICATE automatically when the same contact was sold to the buyer before, and refunds it', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const first = await purchaseAs(buyer, sharedLead(3, { phone: '+14155550111', email: 'same.person@example.org' }));
    const second = await purchaseAs(buyer, sharedLead(3, { phone: '+14155550112', email: 'other.person@example.org' }));
    // the second seller's lead turns out to be the same person (it slipped past the spot-check sample)
    const [a] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, first.leadId));
    await app.runtime.deps.db.update(schema.leads).set({ phoneHash: a!.phoneHash }).where(eq(schema.leads.id, second.leadId));
    const { openDispute } = await app.client(buyer).request<{ openDispute: D }>(OPEN, { input: { purchaseId: second.purchase.id, reason: 'DUPLICATE' } });
    expect(openDispute).toMatchObject({ status: 'ACCEPTED', autoDecided: true, refund: { amount: (second.purchase.price / 100).toFixed(2) } });
    expect(openDispute.autoCheck).toContain(first.purchase.id);
    await waitFor(
      async () => (await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, openDispute.id)))[0]?.status === 'SUCCEEDED',
      'dispute refund',
    );
    const [p] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, second.purchase.id));
    expect(p).toMatchObject({ status: 'REFUNDED', refundedAmount: second.purchase.price });
    // a DUPLICATE claim with no earlier sale waits for an operator
    const third = await purchaseAs(buyer);
    const pending = await app.client(buyer).request<{ openDispute: D }>(OPEN, { input: { purchaseId: third.purchase.id, reason: 'DUPLICATE' } });
    expect(pending.openDispute).toMatchObject({ status: 'OPEN', autoDecided: false });
  });
});

describe('operator decisions and refunds', () => {
  it('refunds a partially accepted dispute exactly once, however often the refund job runs', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { purchase } = await purchaseAs(buyer);
    const { openDispute } = await app
      .client(buyer)
      .request<{ openDispute: D }>(OPEN, { input: { purchaseId: purchase.id, reason: 'OUT_OF_GEO', evidence: 'Lives in another state' } });
    expect((await errorOf(app.client(buyer).request(RESOLVE, { id: openDispute.id, decision: 'ACCEPT' }))).extensions?.code).toBe('FORBIDDEN');
    const tooMuch = await errorOf(app.client(operator).request(RESOLVE, { id: openDispute.id, decision: 'ACCEPT', amount: '9999.00' }));
    expect(tooMuch.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'refundAmount' }] });
    const { resolveDispute } = await app
      .client(operator)
      .request<{ resolveDispute: D }>(RESOLVE, { id: openDispute.id, decision: 'ACCEPT', amount: '5.00', note: 'half the city was wrong' });
    expect(resolveDispute).toMatchObject({ status: 'ACCEPTED', refund: { amount: '5.00' } });
    await waitFor(
      async () => (await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, openDispute.id)))[0]?.status === 'SUCCEEDED',
      'dispute refund',
    );

    // the job runs again, and again, and the refund is re-issued by hand: still one refund in Stripe
    expect(await refundAcceptedDispute(app.runtime.deps, openDispute.id)).toBe('ALREADY_DONE');
    const [refund] = await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, openDispute.id));
    await app.runtime.deps.db
      .update(schema.refunds)
      .set({ status: 'PENDING' })
      .where(eq(schema.refunds.id, refund!.id))
      .catch(() => undefined);
    expect(['SUCCEEDED', 'ALREADY_DONE']).toContain(await issueRefund(app.runtime.deps, refund!.id));
    const stripeRefunds = await sdk.refunds.list({ payment_intent: purchase.paymentIntentId! });
    expect(stripeRefunds.data.map((r) => r.amount)).toEqual([500]);
    const [p] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, purchase.id));
    expect(p).toMatchObject({ status: 'ESCROW', refundedAmount: 500 });
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
    expect((await errorOf(app.client(operator).request(RESOLVE, { id: openDispute.id, decision: 'REJECT' }))).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DISPUTE_ALREADY_RESOLVED',
    });
  });

  it('rejects with a note and refunds nothing; lists disputes per role', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { purchase } = await purchaseAs(buyer);
    const { openDispute } = await app.client(buyer).request<{ openDispute: D }>(OPEN, { input: { purchaseId: purchase.id, reason: 'FAKE' } });
    const res = await app.client(operator).request<{ resolveDispute: { status: string; note: string; refund: null } }>(RESOLVE, {
      id: openDispute.id,
      decision: 'REJECT',
      note: 'Called: the person confirmed the request',
    });
    expect(res.resolveDispute).toMatchObject({ status: 'REJECTED', refund: null, note: 'Called: the person confirmed the request' });
    expect(await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, openDispute.id))).toEqual([]);
    const LIST = 'query($s: DisputeStatus) { disputes(status: $s, first: 50) { totalCount edges { node { id status purchase { id } } } } }';
    const own = await app.client(buyer).request<{ disputes: { totalCount: number } }>(LIST, {});
    expect(own.disputes.totalCount).toBe(1);
    const all = await app.client(operator).request<{ disputes: { totalCount: number } }>(LIST, { s: 'REJECTED' });
    expect(all.disputes.totalCount).toBeGreaterThanOrEqual(1);
  });
});
