// End to end through the product's HTTP surface and the Stripe stand-in: order, pay on the hosted checkout
// page, read the contact. And a late payment whose capacity is gone gets refunded through Stripe.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { balanceOf } from '@leadex/core/domain/ledger/ledger-balances';
import { expireOverdueOrders } from '@leadex/core/domain/orders/release-order';
import { eq, schema } from '@leadex/db';
import Stripe from 'stripe';
import { signUpAs, type TestUser } from '../helpers/actors';
import { exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { LEAD } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let sdk: Stripe;
let seller: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'checkout', stripe: true });
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
  seller = await signUpAs(app, 'SELLER');
});
afterAll(() => app.close());

const sellerActor = () => ({ userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const });

async function orderAndCheckout(buyer: TestUser, leadId: string) {
  const { createOrder } = await app
    .client(buyer)
    .request<{ createOrder: { id: string; total: { amount: string } } }>(
      'mutation($ids: [ID!]) { createOrder(input: { leadIds: $ids }) { id total { amount } } }',
      { ids: [leadId] },
    );
  const { checkoutOrder } = await app
    .client(buyer)
    .request<{ checkoutOrder: { url: string; sessionId: string } }>('mutation($id: ID!) { checkoutOrder(orderId: $id) { url sessionId } }', {
      id: createOrder.id,
    });
  return { orderId: createOrder.id, total: createOrder.total.amount, ...checkoutOrder };
}

/** What a person does on the hosted page: open it, fill in the test card, press Pay. */
async function payOnHostedPage(url: string, card = '4242424242424242') {
  const page = await (await fetch(url)).text();
  expect(page).toMatch(/<label for="cardNumber">Card number<\/label>/);
  const form = new URLSearchParams({ email: 'buyer@example.com', cardNumber: card, cardExpiry: '12 / 34', cardCvc: '123', billingName: 'Bea Buyer' });
  const res = await fetch(url, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  await app.stripe!.deliverPendingEvents();
  return res;
}

describe('buying a lead end to end', () => {
  it('orders, pays on the hosted checkout page, reads the contact; another buyer still cannot', async () => {
    const [leadId] = await listLeads(app, sellerActor(), [exclusiveLead({ fullName: 'Nadia Karim', phone: '+14155550177' })]);
    const buyer = await signUpAs(app, 'BUYER', 'payer');
    const other = await signUpAs(app, 'BUYER', 'other');
    const checkout = await orderAndCheckout(buyer, leadId!);
    expect(checkout.url).toContain(`/checkout/pay/${checkout.sessionId}`);
    // asking again gives the same session (idempotency key per order)
    const again = await app
      .client(buyer)
      .request<{ checkoutOrder: { sessionId: string } }>('mutation($id: ID!) { checkoutOrder(orderId: $id) { sessionId } }', { id: checkout.orderId });
    expect(again.checkoutOrder.sessionId).toBe(checkout.sessionId);

    const declined = await payOnHostedPage(checkout.url, '4000000000000002');
    expect(declined.status).toBe(402);
    expect(await declined.text()).toMatch(/role="alert"/);
    expect((await app.client(buyer).request<{ lead: { contact: unknown } }>(LEAD, { id: leadId })).lead.contact).toBeNull();

    const paid = await payOnHostedPage(checkout.url);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toContain(`/orders/${checkout.orderId}?paid=1&session=${checkout.sessionId}`);

    const order = await app.client(buyer).request<{ order: { status: string } }>('query($id: ID!) { order(id: $id) { status } }', { id: checkout.orderId });
    expect(order.order.status).toBe('PAID');
    const mine = await app.client(buyer).request<{ lead: { contact: { fullName: string; phone: string } } }>(LEAD, { id: leadId });
    expect(mine.lead.contact).toEqual({ fullName: 'Nadia Karim', phone: '+14155550177', email: expect.any(String) });
    expect((await app.client(other).request<{ lead: { contact: unknown } }>(LEAD, { id: leadId })).lead.contact).toBeNull();

    // the platform's books agree with Stripe's
    const stripeBalance = await sdk.balance.retrieve();
    const usd = stripeBalance.available.find((b) => b.currency === 'usd')!.amount;
    expect(await balanceOf(app.runtime.deps.db, 'platform:stripe_balance')).toBe(usd);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('refunds in full a payment that arrives after expiry when the lead was sold meanwhile', async () => {
    const [leadId] = await listLeads(app, sellerActor(), [exclusiveLead()]);
    const [late, quick] = [await signUpAs(app, 'BUYER', 'late'), await signUpAs(app, 'BUYER', 'quick')];
    const slow = await orderAndCheckout(late, leadId!);
    // the hold runs out; someone else buys the lead
    expect(await expireOverdueOrders({ ...app.runtime.deps, clock: () => new Date(Date.now() + 16 * 60_000) })).toBeGreaterThanOrEqual(1);
    const fast = await orderAndCheckout(quick, leadId!);
    expect((await payOnHostedPage(fast.url)).status).toBe(303);
    // now the first buyer pays on the page that is still open
    expect((await payOnHostedPage(slow.url)).status).toBe(303);

    const [order] = await app.runtime.deps.db.select().from(schema.orders).where(eq(schema.orders.id, slow.orderId));
    expect(order).toMatchObject({ status: 'EXPIRED' });
    const [refund] = await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.orderId, slow.orderId));
    expect(refund).toMatchObject({ status: 'SUCCEEDED', amount: order!.total });
    const stripeRefunds = await sdk.refunds.list({ payment_intent: order!.paymentIntentId! });
    expect(stripeRefunds.data.map((r) => r.amount)).toEqual([order!.total]);
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
    expect(lead).toMatchObject({ salesCount: 1, reservedCount: 0, status: 'SOLD_OUT' });
    expect((await app.client(late).request<{ lead: unknown }>(LEAD, { id: leadId })).lead).not.toBeNull(); // SOLD_OUT leads stay visible
    expect((await app.client(late).request<{ lead: { contact: unknown } }>(LEAD, { id: leadId })).lead.contact).toBeNull();
    // replaying the payment event changes nothing
    const events = await sdk.events.list({ limit: 20 });
    const paidEvent = events.data.find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === slow.sessionId)!;
    await app.stripe!.replayEvent(paidEvent.id);
    expect((await sdk.refunds.list({ payment_intent: order!.paymentIntentId! })).data).toHaveLength(1);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
    const usd = (await sdk.balance.retrieve()).available.find((b) => b.currency === 'usd')!.amount;
    expect(await balanceOf(app.runtime.deps.db, 'platform:stripe_balance')).toBe(usd);
  });
});
