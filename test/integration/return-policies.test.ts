// Returns as agreed (issue 14): return policies per segment and per buyer (window, reasons, the return-rate cap,
// automatic acceptance by reason within its time limit), the buyer's remedy (card refund, wallet credit, a
// replacement lead exactly once under concurrency, the wallet fallback), and the seller's answer.
import { acceptDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { setWebhookEndpoint } from '@leadex/core/domain/exchange/deliveries.service';
import { buyerWallet, sellerPayable } from '@leadex/core/domain/ledger/ledger-accounts';
import { owedBy } from '@leadex/core/domain/ledger/ledger-balances';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';
import { addSuppressedContacts } from '@leadex/core/domain/suppression/suppression.service';
import { eq, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import Stripe from 'stripe';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { startWebhookReceiver } from '../helpers/exchange-fixtures';
import { buyThroughStripe, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { asActor } from '../helpers/money-path-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';

const OPEN = `mutation($input: OpenDisputeInput!) { openDispute(input: $input) {
  id status reason remedy autoCheck autoDecided note refund { amount } replacement { id replacementForDisputeId lead { id } } } }`;
const RESOLVE = `mutation($id: ID!, $decision: DisputeDecision!, $amount: Decimal) { resolveDispute(id: $id, decision: $decision, refundAmount: $amount) {
  id status remedy note refund { amount } replacement { id } } }`;
const RESPOND = `mutation($id: ID!, $evidence: String!) { respondToDispute(id: $id, evidence: $evidence) { id sellerResponse sellerRespondedAt } }`;
const SET_SEGMENT = `mutation($segment: String!, $input: ReturnPolicyInput!) { setReturnPolicy(segment: $segment, input: $input) { segment windowHours allowedReasons } }`;
const SET_BUYER = `mutation($buyer: ID!, $input: ReturnPolicyInput!) { setBuyerReturnPolicy(buyerOrgId: $buyer, input: $input) { buyerOrgId maxReturnRatePercent } }`;
const POLICY = `query($segment: String!) { returnPolicy(segment: $segment) { segment windowHours allowedReasons allowedRemedies maxReturnRatePercent autoAccept { reason withinHours } } }`;
const DISPUTES = `query { disputes(first: 50) { edges { node { id reason remedy sellerResponse sellerRespondedAt } } } }`;

type D = {
  id: string;
  status: string;
  remedy: string;
  autoCheck: string | null;
  autoDecided: boolean;
  note: string | null;
  refund: { amount: string } | null;
  replacement: { id: string; replacementForDisputeId: string; lead: { id: string } } | null;
};

let app: TestApp;
let sdk: Stripe;
let operator: TestUser;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  app = await startTestApp({ label: 'returns', stripe: true, workers: true, env: { WEBHOOK_ALLOW_HOSTS: receiver.host } });
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
  operator = await createOperatorUser(app);
});
afterAll(async () => {
  await app.close();
  await receiver.close();
});

const buyerActor = (b: TestUser) => asActor(b, 'BUYER');
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );

/** Lists the leads for a fresh seller and has the buyer buy them, in one order. */
async function buy(buyer: TestUser, leads: Record<string, unknown>[]) {
  const seller = await createSellerActor(app);
  const leadIds = await listLeads(app, seller, leads);
  const { purchases } = await buyThroughStripe(app, buyerActor(buyer), leadIds);
  return { seller, purchases: leadIds.map((id) => purchases.find((p) => p.leadId === id)!) };
}
const setBuyerPolicy = (buyer: TestUser, input: Record<string, unknown>) => app.client(operator).request(SET_BUYER, { buyer: buyer.organizationId, input });
const refundOf = async (disputeId: string) => (await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, disputeId)))[0];
const purchaseRow = async (id: string) => (await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, id)))[0]!;

describe('policies: window and reasons', () => {
  it('applies the segment policy, the buyer override over it field by field, and shows it to the buyer', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { purchases } = await buy(buyer, [sharedLead(3), sharedLead(3)]);
    await app.client(operator).request(SET_SEGMENT, { segment: 'AUTO_TEST_DRIVE', input: { windowHours: 24, allowedReasons: ['FAKE', 'DUPLICATE'] } });
    try {
      // the operator's page reads what was set (null fields inherit), for the segment and for one buyer
      const SETTINGS = `query($segment: String, $buyer: ID) { returnPolicySettings(segment: $segment, buyerOrgId: $buyer) { segment buyerOrgId windowHours allowedReasons allowedRemedies } }`;
      const set = await app.client(operator).request<{ returnPolicySettings: Record<string, unknown> | null }>(SETTINGS, { segment: 'AUTO_TEST_DRIVE' });
      expect(set.returnPolicySettings).toMatchObject({ segment: 'AUTO_TEST_DRIVE', buyerOrgId: null, windowHours: 24, allowedRemedies: null });
      const none = await app.client(operator).request<{ returnPolicySettings: unknown }>(SETTINGS, { buyer: buyer.organizationId });
      expect(none.returnPolicySettings).toBeNull();
      const both = await errorOf(app.client(operator).request(SETTINGS, { segment: 'AUTO_TEST_DRIVE', buyer: buyer.organizationId }));
      expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      const policy = await app.client(buyer).request<{ returnPolicy: Record<string, unknown> }>(POLICY, { segment: 'AUTO_TEST_DRIVE' });
      expect(policy.returnPolicy).toMatchObject({
        windowHours: 24,
        allowedReasons: ['FAKE', 'DUPLICATE'],
        allowedRemedies: ['REFUND'],
        maxReturnRatePercent: null,
      });
      const notAllowed = await errorOf(app.client(buyer).request(OPEN, { input: { purchaseId: purchases[0]!.id, reason: 'OTHER' } }));
      expect(notAllowed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RETURN_REASON_NOT_ALLOWED', fields: [{ path: 'input.reason' }] });
      const noRemedy = await errorOf(app.client(buyer).request(OPEN, { input: { purchaseId: purchases[0]!.id, reason: 'FAKE', remedy: 'WALLET_CREDIT' } }));
      expect(noRemedy.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REMEDY_NOT_ALLOWED', fields: [{ path: 'input.remedy' }] });
      // a day later the segment's 24-hour window is closed
      const dayLater = { ...app.runtime.deps, clock: () => new Date(purchases[0]!.purchasedAt.getTime() + 24 * 3_600_000) };
      await expect(openDispute(dayLater, buyerActor(buyer), { purchaseId: purchases[0]!.id, reason: 'FAKE' })).rejects.toMatchObject({
        code: 'RETURN_WINDOW_CLOSED',
      });
      // the buyer's override: a longer window and another reason; the segment's other fields still apply
      await setBuyerPolicy(buyer, { windowHours: 48, allowedReasons: ['OTHER'] });
      const opened = await openDispute(dayLater, buyerActor(buyer), { purchaseId: purchases[0]!.id, reason: 'OTHER' });
      expect(opened).toMatchObject({ status: 'OPEN', remedy: 'REFUND' });
      await expect(openDispute(dayLater, buyerActor(buyer), { purchaseId: purchases[1]!.id, reason: 'FAKE' })).rejects.toMatchObject({
        code: 'RETURN_REASON_NOT_ALLOWED',
      });
    } finally {
      await app.client(operator).request(SET_SEGMENT, { segment: 'AUTO_TEST_DRIVE', input: {} });
    }
  });
});

describe('the return-rate cap', () => {
  it('never refuses below the minimum purchase count, and refuses at the cap with a clear reason', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await setBuyerPolicy(buyer, { maxReturnRatePercent: 25, rateLookbackDays: 30, rateMinPurchases: 5 });
    const first = await buy(buyer, [sharedLead(3), sharedLead(3)]);
    // 2 purchases: fewer than 5, so neither return is judged (the second would be 1/2 = 50 %)
    for (const p of first.purchases) {
      const { openDispute: d } = await app.client(buyer).request<{ openDispute: D }>(OPEN, { input: { purchaseId: p.id, reason: 'OTHER' } });
      expect(d.status).toBe('OPEN');
    }
    const more = await buy(buyer, [sharedLead(3), sharedLead(3), sharedLead(3)]);
    // 5 purchases, 2 open returns: 40 % ≥ 25 %
    const capped = await errorOf(app.client(buyer).request(OPEN, { input: { purchaseId: more.purchases[0]!.id, reason: 'OTHER' } }));
    expect(capped.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RETURN_RATE_CAP_REACHED' });
    expect(capped.message).toContain('25%');
    // an operator raises this buyer's cap: 40 % is under 50 %
    await setBuyerPolicy(buyer, { maxReturnRatePercent: 50, rateMinPurchases: 5 });
    const { openDispute: d } = await app.client(buyer).request<{ openDispute: D }>(OPEN, { input: { purchaseId: more.purchases[0]!.id, reason: 'OTHER' } });
    expect(d.status).toBe('OPEN');
  });
});

describe('automatic acceptance by reason, and the money remedies', () => {
  it('accepts DUPLICATE within 24 h into the wallet (a card purchase), and leaves it to an operator after; the operator refunds the card', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await setBuyerPolicy(buyer, { autoAccept: [{ reason: 'DUPLICATE', withinHours: 24 }], allowedRemedies: ['REFUND', 'WALLET_CREDIT'] });
    const { purchases } = await buy(buyer, [sharedLead(3), sharedLead(3)]);
    const [early, late] = purchases as [(typeof purchases)[0], (typeof purchases)[0]];
    const { openDispute: accepted } = await app
      .client(buyer)
      .request<{ openDispute: D }>(OPEN, { input: { purchaseId: early.id, reason: 'DUPLICATE', remedy: 'WALLET_CREDIT' } });
    expect(accepted).toMatchObject({ status: 'ACCEPTED', autoDecided: true, remedy: 'WALLET_CREDIT', refund: { amount: (early.price / 100).toFixed(2) } });
    expect(accepted.autoCheck).toContain('return policy: DUPLICATE within 24 h');
    await waitFor(async () => (await refundOf(accepted.id))?.status === 'SUCCEEDED', 'wallet credit');
    expect(await refundOf(accepted.id)).toMatchObject({ destination: 'WALLET', amount: early.price });
    expect(await owedBy(app.runtime.deps.db, buyerWallet(buyer.organizationId))).toBe(early.price);
    expect(await purchaseRow(early.id)).toMatchObject({ status: 'REFUNDED', refundedAmount: early.price });

    // 25 hours after the purchase the rule no longer applies: the same reason waits for an operator
    const after = { ...app.runtime.deps, clock: () => new Date(late.purchasedAt.getTime() + 25 * 3_600_000) };
    const waiting = await openDispute(after, buyerActor(buyer), { purchaseId: late.id, reason: 'DUPLICATE' });
    expect(waiting).toMatchObject({ status: 'OPEN', autoDecided: false, remedy: 'REFUND' });
    const { resolveDispute } = await app.client(operator).request<{ resolveDispute: D }>(RESOLVE, { id: waiting.id, decision: 'ACCEPT' });
    expect(resolveDispute).toMatchObject({ status: 'ACCEPTED', remedy: 'REFUND' });
    await waitFor(async () => (await refundOf(waiting.id))?.status === 'SUCCEEDED', 'card refund');
    expect(await refundOf(waiting.id)).toMatchObject({ destination: 'STRIPE' });
    expect((await sdk.refunds.list({ payment_intent: late.paymentIntentId! })).data.map((r) => r.amount)).toEqual([late.price]);
    // the wallet got only the first return
    expect(await owedBy(app.runtime.deps.db, buyerWallet(buyer.organizationId))).toBe(early.price);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });
});

describe('the replacement remedy', () => {
  // FINANCE leads appear only in this block, so the candidates are the ones listed here
  const finance = (askingPrice: string, extra: Record<string, unknown> = {}) =>
    sharedLead(3, { askingPrice, segment: 'FINANCE', subsegment: 'LOAN', attributes: { amount: 5000 }, ...extra });

  it('sells one replacement lead (dearest at or under the price, not on the buyer’s list), once, however many accepts race; delivered; the rest to the wallet', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await setBuyerPolicy(buyer, { allowedRemedies: ['REFUND', 'REPLACEMENT'] });
    await setWebhookEndpoint(app.runtime.deps, buyerActor(buyer), receiver.url('/returns'));
    const otherSeller = await createSellerActor(app);
    const suppressedPhone = '+14155550187';
    const [cheaper, dearer, suppressed] = await listLeads(app, otherSeller, [finance('30.00'), finance('50.00'), finance('35.00', { phone: suppressedPhone })]);
    await addSuppressedContacts(app.runtime.deps, buyerActor(buyer), [{ phone: suppressedPhone }]);
    const { purchases } = await buy(buyer, [finance('40.00')]);
    const original = purchases[0]!;
    const { openDispute: d } = await app
      .client(buyer)
      .request<{ openDispute: D }>(OPEN, { input: { purchaseId: original.id, reason: 'OTHER', remedy: 'REPLACEMENT', evidence: 'Wrong person' } });
    expect(d).toMatchObject({ status: 'OPEN', remedy: 'REPLACEMENT', replacement: null });

    // two operators and the automatic path accept at once: one wins, the others are told it is decided
    const op = asActor(operator, 'OPERATOR');
    const results = await Promise.allSettled([
      acceptDispute(app.runtime.deps, op, d.id, { refundAmount: null }),
      acceptDispute(app.runtime.deps, op, d.id, { refundAmount: null }),
      acceptDispute(app.runtime.deps, null, d.id, { refundAmount: null }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected'))
      expect(r.reason).toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });

    const replacements = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.replacementForDisputeId, d.id));
    expect(replacements).toHaveLength(1);
    const replacement = replacements[0]!;
    expect(replacement).toMatchObject({
      leadId: cheaper,
      buyerOrgId: buyer.organizationId,
      sellerOrgId: otherSeller.organizationId,
      price: 3000,
      status: 'ESCROW',
    });
    expect([dearer, suppressed]).not.toContain(replacement.leadId);
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, cheaper!));
    expect(lead!.salesCount).toBe(1);
    // the original sale is charged back; nothing went to the card; 10.00 of the 40.00 went to the wallet
    expect(await purchaseRow(original.id)).toMatchObject({ status: 'REFUNDED', refundedAmount: 4000 });
    expect(await refundOf(d.id)).toBeUndefined();
    expect((await sdk.refunds.list({ payment_intent: original.paymentIntentId! })).data).toEqual([]);
    expect(await owedBy(app.runtime.deps.db, buyerWallet(buyer.organizationId))).toBe(1000);
    const entries = await app.runtime.deps.db
      .select()
      .from(schema.ledgerTransactions)
      .where(eq(schema.ledgerTransactions.eventKey, `replacement:${d.id}`));
    expect(entries).toHaveLength(1);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });

    // the buyer sees the replacement on the dispute, and it is delivered to the buyer's endpoint like a sale
    const { disputes } = await app.client(buyer).request<{ disputes: { edges: { node: { id: string; remedy: string } }[] } }>(DISPUTES);
    expect(disputes.edges.find((e) => e.node.id === d.id)?.node.remedy).toBe('REPLACEMENT');
    await waitFor(
      async () =>
        (await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, replacement.id)))[0]?.status === 'DELIVERED',
      'replacement delivery',
    );
    expect(receiver.received.some((h) => h.path === '/returns' && h.body.includes(replacement.id))).toBe(true);

    // once its window closes the replacement settles like any sale: its seller is owed the net, the platform the commission
    const later = new Date(replacement.purchasedAt.getTime() + 24 * 8 * 3_600_000);
    await runSettlement({ ...app.runtime.deps, clock: () => later }, later);
    expect(await purchaseRow(replacement.id)).toMatchObject({ status: 'SETTLED' });
    expect(await owedBy(app.runtime.deps.db, sellerPayable(otherSeller.organizationId))).toBe(replacement.sellerNet);
    expect(await owedBy(app.runtime.deps.db, sellerPayable(original.sellerOrgId))).toBe(0);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('falls back to a wallet credit when no lead qualifies, and says so', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await setBuyerPolicy(buyer, { allowedRemedies: ['REPLACEMENT'] });
    // every other FINANCE lead costs more than 20.00
    const { purchases } = await buy(buyer, [finance('20.00')]);
    const { openDispute: d } = await app
      .client(buyer)
      .request<{ openDispute: D }>(OPEN, { input: { purchaseId: purchases[0]!.id, reason: 'OTHER', remedy: 'REPLACEMENT' } });
    const { resolveDispute } = await app.client(operator).request<{ resolveDispute: D }>(RESOLVE, { id: d.id, decision: 'ACCEPT' });
    expect(resolveDispute).toMatchObject({ status: 'ACCEPTED', remedy: 'WALLET_CREDIT', replacement: null });
    expect(resolveDispute.note).toContain('no replacement lead was available');
    await waitFor(async () => (await refundOf(d.id))?.status === 'SUCCEEDED', 'fallback wallet credit');
    expect(await owedBy(app.runtime.deps.db, buyerWallet(buyer.organizationId))).toBe(2000);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('takes no partial amount with a replacement', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await setBuyerPolicy(buyer, { allowedRemedies: ['REPLACEMENT'] });
    const { purchases } = await buy(buyer, [sharedLead(3)]);
    const { openDispute: d } = await app
      .client(buyer)
      .request<{ openDispute: D }>(OPEN, { input: { purchaseId: purchases[0]!.id, reason: 'OTHER', remedy: 'REPLACEMENT' } });
    const partial = await errorOf(app.client(operator).request(RESOLVE, { id: d.id, decision: 'ACCEPT', amount: '1.00' }));
    expect(partial.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'refundAmount' }] });
  });
});

describe("the seller's answer", () => {
  it('the seller answers while the dispute is open; the operator reads it, the buyer and other sellers do not', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const seller = await signUpAs(app, 'SELLER');
    const [leadId] = await listLeads(app, asActor(seller, 'SELLER'), [sharedLead(3)]);
    const { purchases } = await buyThroughStripe(app, buyerActor(buyer), [leadId!]);
    const { openDispute: d } = await app
      .client(buyer)
      .request<{ openDispute: D }>(OPEN, { input: { purchaseId: purchases[0]!.id, reason: 'FAKE', evidence: 'No such person' } });

    const otherSeller = await signUpAs(app, 'SELLER');
    const stranger = await errorOf(app.client(otherSeller).request(RESPOND, { id: d.id, evidence: 'not mine' }));
    expect(stranger.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await errorOf(app.client(buyer).request(RESPOND, { id: d.id, evidence: 'me too' }))).extensions?.code).toBe('FORBIDDEN');
    expect((await errorOf(app.client(seller).request(RESPOND, { id: d.id, evidence: '   ' }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    await app.client(seller).request(RESPOND, { id: d.id, evidence: 'First answer' });
    const { respondToDispute } = await app.client(seller).request<{ respondToDispute: { sellerResponse: string; sellerRespondedAt: string } }>(RESPOND, {
      id: d.id,
      evidence: 'Consent recorded; call log attached',
    });
    expect(respondToDispute.sellerResponse).toBe('Consent recorded; call log attached');

    type Node = { id: string; reason: string; sellerResponse: string | null };
    const list = async (u: TestUser) =>
      (await app.client(u).request<{ disputes: { edges: { node: Node }[] } }>(DISPUTES)).disputes.edges.map((e) => e.node).find((n) => n.id === d.id);
    // the seller's list of returns carries the reason and its own answer
    expect(await list(seller)).toMatchObject({ reason: 'FAKE', sellerResponse: 'Consent recorded; call log attached' });
    expect(await list(operator)).toMatchObject({ sellerResponse: 'Consent recorded; call log attached' });
    expect(await list(buyer)).toMatchObject({ sellerResponse: null });
    expect(await list(otherSeller)).toBeUndefined();

    await app.client(operator).request(RESOLVE, { id: d.id, decision: 'REJECT' });
    const late = await errorOf(app.client(seller).request(RESPOND, { id: d.id, evidence: 'too late' }));
    expect(late.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DISPUTE_ALREADY_RESOLVED' });
  });
});
