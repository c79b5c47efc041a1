// The money path in a deployment whose currency has no minor unit (CLP) and one with three digits (TND):
// every amount the API shows has the currency's ISO 4217 digits, Stripe is charged and refunds in the same
// minor units the ledger stores, and the books balance.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { balanceOf } from '@leadex/core/domain/ledger/ledger-balances';
import { eq, schema } from '@leadex/db';
import { startStripeStandin, type RunningStripeStandin } from '@leadex/stripe-standin';
import Stripe from 'stripe';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { errorOf } from '../helpers/graphql-errors';
import { exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';

interface Deployment {
  currency: string;
  digits: number;
  /** what the seller asks, as typed, and the same in minor units */
  price: string;
  priceMinor: number;
  refund: string;
  refundMinor: number;
  zero: string;
  minimumPayout: string;
}

const DEPLOYMENTS: Deployment[] = [
  { currency: 'CLP', digits: 0, price: '15000', priceMinor: 15_000, refund: '7000', refundMinor: 7_000, zero: '0', minimumPayout: '50' },
  // a three-decimal charge must end in 0 at Stripe: the asking price does
  { currency: 'TND', digits: 3, price: '12.340', priceMinor: 12_340, refund: '6.170', refundMinor: 6_170, zero: '0.000', minimumPayout: '50.000' },
];

const PLATFORM = '{ platform { currency minorUnitDigits } }';
const CREATE_ORDER = 'mutation($ids: [ID!]) { createOrder(input: { leadIds: $ids }) { id total { amount currencyCode } lines { price { amount } } } }';
const CHECKOUT = 'mutation($id: ID!) { checkoutOrder(orderId: $id) { sessionId } }';
const ORDER = 'query($id: ID!) { order(id: $id) { status total { amount currencyCode } } }';
const PURCHASES = '{ myPurchases(first: 10) { edges { node { id price { amount currencyCode } } } } }';
const OPEN = 'mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id status } }';
const RESOLVE =
  'mutation($id: ID!, $amount: Decimal) { resolveDispute(id: $id, decision: ACCEPT, refundAmount: $amount) { status refund { amount currencyCode } } }';

describe.each(DEPLOYMENTS)('a $currency deployment ($digits minor-unit digits)', (d) => {
  let app: TestApp;
  let sdk: Stripe;
  let seller: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    app = await startTestApp({ label: `digits${d.currency}`, stripe: true, workers: true, env: { PLATFORM_CURRENCY: d.currency } });
    const url = new URL(app.stripe!.url);
    sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
    seller = await signUpAs(app, 'SELLER');
    operator = await createOperatorUser(app);
  });
  afterAll(() => app?.close());

  const sellerActor = () => ({ userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const });

  it('tells every caller, signed in or not, the currency and its digits', async () => {
    expect(await app.client().request(PLATFORM)).toEqual({ platform: { currency: d.currency, minorUnitDigits: d.digits } });
    expect(await app.client(seller).request(PLATFORM)).toEqual({ platform: { currency: d.currency, minorUnitDigits: d.digits } });
  });

  it("orders, pays through Stripe, refunds part of it, and shows every amount with the currency's digits", async () => {
    const [leadId] = await listLeads(app, sellerActor(), [exclusiveLead({ askingPrice: d.price })]);
    const buyer = await signUpAs(app, 'BUYER', `buyer${d.currency}`);
    const client = app.client(buyer);

    expect((await client.request<{ wallet: { balance: { amount: string } } }>('{ wallet { balance { amount currencyCode } } }')).wallet.balance).toEqual({
      amount: d.zero,
      currencyCode: d.currency,
    });
    const { payoutAccount } = await app
      .client(seller)
      .request<{ payoutAccount: { minimumPayout: { amount: string } } }>('{ payoutAccount { minimumPayout { amount } } }');
    expect(payoutAccount.minimumPayout.amount).toBe(d.minimumPayout);

    const { createOrder } = await client.request<{
      createOrder: { id: string; total: { amount: string; currencyCode: string }; lines: { price: { amount: string } }[] };
    }>(CREATE_ORDER, { ids: [leadId] });
    expect(createOrder.total).toEqual({ amount: d.price, currencyCode: d.currency });
    expect(createOrder.lines.map((l) => l.price.amount)).toEqual([d.price]);

    // Stripe is asked for exactly the stored minor units
    const { checkoutOrder } = await client.request<{ checkoutOrder: { sessionId: string } }>(CHECKOUT, { id: createOrder.id });
    const session = await sdk.checkout.sessions.retrieve(checkoutOrder.sessionId);
    expect([session.amount_total, session.currency]).toEqual([d.priceMinor, d.currency.toLowerCase()]);
    const paid = await fetch(`${app.stripe!.url}/_standin/checkout/${checkoutOrder.sessionId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card: '4242424242424242' }),
    });
    expect(paid.ok).toBe(true);
    await app.stripe!.deliverPendingEvents();

    expect((await client.request<{ order: unknown }>(ORDER, { id: createOrder.id })).order).toEqual({
      status: 'PAID',
      total: { amount: d.price, currencyCode: d.currency },
    });
    const purchases = (await client.request<{ myPurchases: { edges: { node: { id: string; price: unknown } }[] } }>(PURCHASES)).myPurchases.edges;
    expect(purchases.map((e) => e.node.price)).toEqual([{ amount: d.price, currencyCode: d.currency }]);
    const [stored] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, purchases[0]!.node.id));
    expect([stored!.price, stored!.currency]).toEqual([d.priceMinor, d.currency]);

    // the operator's refund limit is what was paid, in the currency's digits
    const { openDispute } = await client.request<{ openDispute: { id: string } }>(OPEN, {
      input: { purchaseId: stored!.id, reason: 'OUT_OF_GEO', evidence: 'Lives elsewhere' },
    });
    const tooPrecise = await errorOf(app.client(operator).request(RESOLVE, { id: openDispute.id, amount: d.digits === 0 ? '7000.5' : '6.1755' }));
    expect(tooPrecise.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'refundAmount' }] });
    // over the limit by one charge step (0.010 in TND: an amount off it is refused before the limit is looked at)
    const overLimit = await errorOf(app.client(operator).request(RESOLVE, { id: openDispute.id, amount: d.digits === 0 ? '15001' : '12.350' }));
    expect((overLimit.extensions as { fields: { message: string }[] }).fields[0]!.message).toContain(`(${d.price} ${d.currency})`);

    const { resolveDispute } = await app.client(operator).request<{ resolveDispute: unknown }>(RESOLVE, { id: openDispute.id, amount: d.refund });
    expect(resolveDispute).toEqual({ status: 'ACCEPTED', refund: { amount: d.refund, currencyCode: d.currency } });
    await waitFor(
      async () => (await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, openDispute.id)))[0]?.status === 'SUCCEEDED',
      'dispute refund',
    );
    const stripeRefunds = await sdk.refunds.list({ payment_intent: stored!.paymentIntentId! });
    expect(stripeRefunds.data.map((r) => [r.amount, r.currency])).toEqual([[d.refundMinor, d.currency.toLowerCase()]]);

    // the books: Stripe's balance is the ledger's, and every transaction sums to zero
    const balance = (await sdk.balance.retrieve()).available.find((b) => b.currency === d.currency.toLowerCase())!.amount;
    expect(balance).toBe(d.priceMinor - d.refundMinor);
    expect(await balanceOf(app.runtime.deps.db, 'platform:stripe_balance')).toBe(balance);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
    const { ledgerBalances } = await app
      .client(operator)
      .request<{ ledgerBalances: { account: string; balance: { amount: string } }[] }>('{ ledgerBalances { account balance { amount } } }');
    const digitsOf = (amount: string) => (amount.split('.')[1] ?? '').length;
    expect(ledgerBalances.length).toBeGreaterThan(0);
    for (const b of ledgerBalances) expect([b.account, digitsOf(b.balance.amount)]).toEqual([b.account, d.digits]);
  });

  it('refuses a seller price with more digits than the currency has', async () => {
    const tooPrecise = d.digits === 0 ? '150.5' : '1.2345';
    await expect(listLeads(app, sellerActor(), [exclusiveLead({ askingPrice: tooPrecise })])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'input[0].askingPrice', message: expect.stringContaining(d.currency) }],
    });
  });
});

describe("Stripe's three-decimal charges", () => {
  let standin: RunningStripeStandin;
  beforeAll(async () => {
    standin = await startStripeStandin({ port: 0, webhookSecret: 'whsec_test_standin' });
  });
  afterAll(() => standin?.close());

  it('are refused by the stand-in, as by Stripe, unless their last digit is 0', async () => {
    const url = new URL(standin.url);
    const sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
    await expect(sdk.paymentIntents.create({ amount: 5124, currency: 'kwd' })).rejects.toThrow(/multiple of 10/);
    expect((await sdk.paymentIntents.create({ amount: 5120, currency: 'kwd' })).amount).toBe(5120);
  });
});
