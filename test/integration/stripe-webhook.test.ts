// The Stripe webhook: signatures, duplicates, order of events, and the buyer's access once paid. Payments
// are real ones on the Stripe stand-in (the app re-reads them from it); the stand-in only records its events
// here, and the tests deliver them by hand to choose how often and in which order.
import type { Actor } from '@leadex/core/domain/auth/access';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { checkoutOrder } from '@leadex/core/domain/orders/checkout-order';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { eq, schema } from '@leadex/db';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { LEAD } from '../helpers/operations';
import { checkoutCompleted, deliver, payOnStandin, recordedEvent, signedEvent, signedRecordedEvent } from '../helpers/stripe-events';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { signUpAs } from '../helpers/actors';

let app: TestApp;
let hook: string;
let secret: string;
beforeAll(async () => {
  app = await startTestApp({ label: 'webhook', stripe: true });
  app.stripe!.setWebhookUrl(undefined);
  hook = `${app.url}/webhooks/stripe`;
  secret = app.runtime.deps.config.STRIPE_WEBHOOK_SECRET;
});
afterAll(() => app.close());

const orderRow = async (id: string) => (await app.runtime.deps.db.select().from(schema.orders).where(eq(schema.orders.id, id)))[0]!;

/** Orders the lead and pays its Checkout Session on the stand-in; the payment's events are recorded, not yet sent. */
async function orderAndPay(buyer: Actor, leadId: string) {
  const order = await createOrder(app.runtime.deps, buyer, { leadIds: [leadId] });
  const { sessionId } = await checkoutOrder(app.runtime.deps, buyer, order.id);
  const paid = await payOnStandin(app.stripe!.url, sessionId);
  const sessionEvent = () => signedRecordedEvent(secret, recordedEvent(app.stripe!.state, 'checkout.session.completed', sessionId));
  const intentEvent = () => signedRecordedEvent(secret, recordedEvent(app.stripe!.state, 'payment_intent.succeeded', paid.payment_intent.id));
  return { order, sessionId, sessionEvent, intentEvent };
}

describe('POST /webhooks/stripe', () => {
  it('records the payment once when the same event arrives three times', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [sharedLead(3)]);
    const [buyer] = await createBuyerActors(app, 1);
    const { order, sessionEvent, intentEvent } = await orderAndPay(buyer!, leadId!);
    const event = sessionEvent();
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await deliver(hook, event)).body.outcome);
    expect(outcomes).toEqual(['PAID', 'DUPLICATE', 'DUPLICATE']);
    // and three at once
    const again = intentEvent();
    const parallel = await Promise.all([deliver(hook, again), deliver(hook, again), deliver(hook, again)]);
    expect(parallel.map((r) => r.body.outcome).sort()).toEqual(['ALREADY_RECORDED', 'DUPLICATE', 'DUPLICATE']);
    const purchases = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.orderId, order.id));
    expect(purchases).toHaveLength(1);
    expect((await orderRow(order.id)).status).toBe('PAID');
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('handles payment_intent.succeeded arriving before checkout.session.completed', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead()]);
    const [buyer] = await createBuyerActors(app, 1);
    const { sessionEvent, intentEvent } = await orderAndPay(buyer!, leadId!);
    const pi = (await deliver(hook, intentEvent())).body.outcome;
    const cs = (await deliver(hook, sessionEvent())).body.outcome;
    expect([pi, cs]).toEqual(['PAID', 'ALREADY_RECORDED']);
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
    expect(lead).toMatchObject({ status: 'SOLD_OUT', salesCount: 1, reservedCount: 0 });
  });

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead()]);
    const [buyer] = await createBuyerActors(app, 1);
    const { order, sessionId, sessionEvent } = await orderAndPay(buyer!, leadId!);
    const good = sessionEvent();
    const forged = signedRecordedEvent('whsec_not_the_secret', recordedEvent(app.stripe!.state, 'checkout.session.completed', sessionId));
    expect((await deliver(hook, forged)).status).toBe(400);
    const tampered = { ...good, payload: good.payload.replace(String(order.total), '1') };
    expect((await deliver(hook, tampered)).status).toBe(400);
    const stale = { ...good, header: good.header.replace(/t=\d+/, `t=${Math.floor(Date.now() / 1000) - 3600}`) };
    expect((await deliver(hook, stale)).status).toBe(400);
    expect((await orderRow(order.id)).status).toBe('RESERVED');
    expect(await app.runtime.deps.db.select().from(schema.stripeEvents).where(eq(schema.stripeEvents.id, good.id))).toEqual([]);
  });

  it('ignores a well-signed event for a session Stripe never created, and answers 200 so it is not retried', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead()]);
    const [buyer] = await createBuyerActors(app, 1);
    const order = await createOrder(app.runtime.deps, buyer!, { leadIds: [leadId] });
    const res = await deliver(hook, signedEvent(secret, 'checkout.session.completed', checkoutCompleted(order.id, order.total, 'pi_never_made')));
    expect(res).toMatchObject({ status: 200, body: { outcome: 'NOT_CONFIRMED' } });
    expect((await orderRow(order.id)).status).toBe('RESERVED');
    expect(await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.orderId, order.id))).toEqual([]);
  });

  it('honours a payment that arrives after expiry while the capacity is still there', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [sharedLead(2)]);
    const [buyer] = await createBuyerActors(app, 1);
    const order = await createOrder(app.runtime.deps, buyer!, { leadIds: [leadId] });
    const { sessionId } = await checkoutOrder(app.runtime.deps, buyer!, order.id);
    const { expireOverdueOrders } = await import('@leadex/core/domain/orders/release-order');
    const later = { ...app.runtime.deps, clock: () => new Date(Date.now() + 16 * 60_000) };
    expect(await expireOverdueOrders(later)).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.id)).status).toBe('EXPIRED');
    await payOnStandin(app.stripe!.url, sessionId);
    const res = await deliver(hook, signedRecordedEvent(secret, recordedEvent(app.stripe!.state, 'checkout.session.completed', sessionId)));
    expect(res.body.outcome).toBe('PAID');
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
    expect(lead).toMatchObject({ salesCount: 1, reservedCount: 0 });
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });

  it('lets the paying buyer read the contact (audited) and nobody else', async () => {
    const sellerUser = await signUpAs(app, 'SELLER');
    const seller = { userId: sellerUser.userId, organizationId: sellerUser.organizationId, role: 'SELLER' as const, via: 'session' as const };
    const [leadId] = await listLeads(app, seller, [sharedLead(2, { fullName: 'Ivan Petrov', phone: '+14155550142' })]);
    const [payer, other] = [await signUpAs(app, 'BUYER', 'payer'), await signUpAs(app, 'BUYER', 'other')];
    const { sessionEvent } = await orderAndPay({ userId: payer.userId, organizationId: payer.organizationId, role: 'BUYER', via: 'session' }, leadId!);
    // paid at Stripe but not yet told: no contact yet
    expect((await app.client(payer).request<{ lead: { contact: unknown } }>(LEAD, { id: leadId })).lead.contact).toBeNull();
    expect((await deliver(hook, sessionEvent())).body.outcome).toBe('PAID');
    const seen = await app.client(payer).request<{ lead: { contact: { fullName: string; phone: string } } }>(LEAD, { id: leadId });
    expect(seen.lead.contact).toMatchObject({ fullName: 'Ivan Petrov', phone: '+14155550142' });
    expect((await app.client(other).request<{ lead: { contact: unknown } }>(LEAD, { id: leadId })).lead.contact).toBeNull();
    const reads = await app.runtime.deps.db.select().from(schema.contactReads).where(eq(schema.contactReads.leadId, leadId!));
    expect(reads.map((r) => [r.purpose, r.organizationId])).toEqual([['BUYER', payer.organizationId]]);

    const purchases = await app
      .client(payer)
      .request<{ myPurchases: { totalCount: number; edges: { node: { lead: { id: string }; price: { amount: string }; outcome: string } }[] } }>(
        '{ myPurchases(first: 10) { totalCount edges { node { id lead { id } price { amount } outcome } } } }',
      );
    expect(purchases.myPurchases.totalCount).toBe(1);
    expect(purchases.myPurchases.edges[0]!.node).toMatchObject({ lead: { id: leadId }, outcome: 'NEW' });

    const csv = await (await fetch(`${app.url}/purchases/csv`, { headers: { authorization: `Bearer ${payer.token}` } })).text();
    expect(csv).toContain('Ivan Petrov');
    expect(csv).toContain('+14155550142');
    const otherCsv = await (await fetch(`${app.url}/purchases/csv`, { headers: { authorization: `Bearer ${other.token}` } })).text();
    expect(otherCsv).not.toContain('Ivan Petrov');
  });
});
