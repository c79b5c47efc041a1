// Finding 2: forgeable payments. The attacker here holds the real webhook signing secret (stolen, or the
// development default left in place) or replays a real event for another object. Fulfilment re-reads each
// object from Stripe (the stand-in) and trusts only that copy, so none of it moves money or reveals a contact.
import type { Actor } from '@leadex/core/domain/auth/access';
import { topUpWallet, walletBalance } from '@leadex/core/domain/exchange/wallet.service';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { checkoutOrder } from '@leadex/core/domain/orders/checkout-order';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { connectPayoutAccount } from '@leadex/core/domain/settlement/payout-account';
import { eq, schema } from '@leadex/db';
import Stripe from 'stripe';
import { signUpAs, type TestUser } from '../helpers/actors';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { LEAD } from '../helpers/operations';
import { checkoutCompleted, deliver, payOnStandin, paymentIntentSucceeded, recordedEvent, signedEvent } from '../helpers/stripe-events';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let hook: string;
let secret: string;
let sdk: Stripe;
beforeAll(async () => {
  app = await startTestApp({ label: 'forgery', stripe: true });
  hook = `${app.url}/webhooks/stripe`;
  secret = app.runtime.deps.config.STRIPE_WEBHOOK_SECRET;
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
});
afterAll(() => app.close());

const db = () => app.runtime.deps.db;
const actorOf = (u: TestUser): Actor => ({ userId: u.userId, organizationId: u.organizationId, role: 'BUYER', via: 'session' });
const orderRow = async (id: string) => (await db().select().from(schema.orders).where(eq(schema.orders.id, id)))[0]!;
const topUpRow = async (id: string) => (await db().select().from(schema.walletTopUps).where(eq(schema.walletTopUps.id, id)))[0]!;
const contactOf = async (buyer: TestUser, leadId: string) =>
  (await app.client(buyer).request<{ lead: { contact: unknown } }>(LEAD, { id: leadId })).lead.contact;
const forge = (type: string, object: Record<string, unknown>) => deliver(hook, signedEvent(secret, type, object));

let phones = 0;
async function leadWithContact() {
  const phone = `+1415555${String(100 + phones++).padStart(4, '0')}`;
  const [leadId] = await listLeads(app, await createSellerActor(app), [exclusiveLead({ fullName: 'Rosa Vidal', phone })]);
  return leadId!;
}

describe('payment events signed with the real secret', () => {
  it('leaves an unpaid order RESERVED and its contact unreadable, whatever the forged event claims', async () => {
    const leadId = await leadWithContact();
    const attacker = await signUpAs(app, 'BUYER', 'attacker');
    const order = await createOrder(app.runtime.deps, actorOf(attacker), { leadIds: [leadId] });
    const { sessionId } = await checkoutOrder(app.runtime.deps, actorOf(attacker), order.id);

    // the real (unpaid) session claimed as paid, a session Stripe never made, a payment intent Stripe never made
    const claims = [
      await forge('checkout.session.completed', { ...checkoutCompleted(order.id, order.total, 'pi_forged_1'), id: sessionId }),
      await forge('checkout.session.completed', checkoutCompleted(order.id, order.total, 'pi_forged_2')),
      await forge('payment_intent.succeeded', paymentIntentSucceeded(order.id, order.total, 'pi_forged_3')),
    ];
    expect(claims.map((c) => [c.status, c.body.outcome])).toEqual([
      [200, 'NOT_CONFIRMED'],
      [200, 'NOT_CONFIRMED'],
      [200, 'NOT_CONFIRMED'],
    ]);
    expect(await orderRow(order.id)).toMatchObject({ status: 'RESERVED', paidAt: null });
    expect(await db().select().from(schema.purchases).where(eq(schema.purchases.orderId, order.id))).toEqual([]);
    expect(await contactOf(attacker, leadId)).toBeNull();
    expect(await checkLedgerInvariants(db())).toMatchObject({ ok: true });
  });

  it("does not let another buyer's real, paid event be replayed onto the attacker's order", async () => {
    const [victimLead, attackerLead] = [await leadWithContact(), await leadWithContact()];
    const [victim, attacker] = [await signUpAs(app, 'BUYER', 'victim'), await signUpAs(app, 'BUYER', 'replayer')];
    const paidOrder = await createOrder(app.runtime.deps, actorOf(victim), { leadIds: [victimLead] });
    const paidSession = await checkoutOrder(app.runtime.deps, actorOf(victim), paidOrder.id);
    await payOnStandin(app.stripe!.url, paidSession.sessionId);
    await app.stripe!.deliverPendingEvents();
    expect((await orderRow(paidOrder.id)).status).toBe('PAID');

    const target = await createOrder(app.runtime.deps, actorOf(attacker), { leadIds: [attackerLead] });
    const real = recordedEvent(app.stripe!.state, 'checkout.session.completed', paidSession.sessionId);
    const object = real.data.object as Record<string, unknown>;
    // the same real object pointed at the attacker's order, under a fresh event id
    const replayed = await forge('checkout.session.completed', {
      ...object,
      metadata: { order_id: target.id },
      client_reference_id: target.id,
      amount_total: target.total,
    });
    expect(replayed).toMatchObject({ status: 200, body: { outcome: 'NOT_CONFIRMED' } });
    // and unchanged: it pays for what it paid for, once
    expect((await forge('checkout.session.completed', object)).body.outcome).toBe('ALREADY_RECORDED');
    expect((await orderRow(target.id)).status).toBe('RESERVED');
    expect(await contactOf(attacker, attackerLead)).toBeNull();
    expect(await checkLedgerInvariants(db())).toMatchObject({ ok: true });
  });
});

describe('wallet top-ups', () => {
  it('credits nothing for a forged 25.00 event on a 10.00 top-up, and exactly 10.00 once really paid', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const checkout = await topUpWallet(app.runtime.deps, buyer!, '10.00');
    const topUpId = (await db().select().from(schema.walletTopUps).where(eq(schema.walletTopUps.checkoutSessionId, checkout.sessionId)))[0]!.id;
    const claimed = { wallet_top_up_id: topUpId };
    const forgedSession = { ...checkoutCompleted(topUpId, 2500, 'pi_forged_topup'), id: checkout.sessionId, metadata: claimed };
    const forgedIntent = { ...paymentIntentSucceeded(topUpId, 2500, 'pi_forged_topup'), metadata: claimed };
    expect((await forge('checkout.session.completed', forgedSession)).body.outcome).toBe('NOT_CONFIRMED');
    expect((await forge('payment_intent.succeeded', forgedIntent)).body.outcome).toBe('NOT_CONFIRMED');
    expect((await walletBalance(db(), buyer!.organizationId, 'USD')).amount).toBe(0);
    expect(await topUpRow(topUpId)).toMatchObject({ status: 'PENDING', amount: 1000 });

    await payOnStandin(app.stripe!.url, checkout.sessionId);
    await app.stripe!.deliverPendingEvents();
    expect((await walletBalance(db(), buyer!.organizationId, 'USD')).amount).toBe(1000);
    // the forged 25.00 claim once more, now that the session is paid: still 10.00
    expect((await forge('checkout.session.completed', forgedSession)).body.outcome).toBe('ALREADY_RECORDED');
    expect((await walletBalance(db(), buyer!.organizationId, 'USD')).amount).toBe(1000);
    expect(await topUpRow(topUpId)).toMatchObject({ status: 'PAID', amount: 1000 });
    expect(await checkLedgerInvariants(db())).toMatchObject({ ok: true });
  });

  it('refunds in full, and credits nothing, a real payment of another amount that names a top-up', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const checkout = await topUpWallet(app.runtime.deps, buyer!, '10.00');
    const topUpId = (await db().select().from(schema.walletTopUps).where(eq(schema.walletTopUps.checkoutSessionId, checkout.sessionId)))[0]!.id;
    // someone with API access makes their own 25.00 session carrying the top-up's metadata, and pays it
    const stranger = await sdk.checkout.sessions.create({
      mode: 'payment',
      metadata: { wallet_top_up_id: topUpId },
      payment_intent_data: { metadata: { wallet_top_up_id: topUpId } },
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'not a top-up' } } }],
      success_url: `${app.url}/`,
    });
    const paid = await payOnStandin(app.stripe!.url, stranger.id);
    await app.stripe!.deliverPendingEvents();
    expect((await walletBalance(db(), buyer!.organizationId, 'USD')).amount).toBe(0);
    expect(await topUpRow(topUpId)).toMatchObject({ status: 'PENDING' });
    const refunds = await db().select().from(schema.refunds).where(eq(schema.refunds.paymentIntentId, paid.payment_intent.id));
    expect(refunds).toEqual([expect.objectContaining({ amount: 2500, status: 'SUCCEEDED', reason: 'an amount mismatch' })]);
    expect((await sdk.refunds.list({ payment_intent: paid.payment_intent.id })).data.map((r) => r.amount)).toEqual([2500]);
    expect(await checkLedgerInvariants(db())).toMatchObject({ ok: true });
  });
});

describe('connected accounts', () => {
  it('enables no payouts on a forged account.updated for an account Stripe says is not onboarded', async () => {
    const seller = await createSellerActor(app);
    const { accountId } = await connectPayoutAccount(app.runtime.deps, seller);
    const forged = await forge('account.updated', { id: accountId, object: 'account', payouts_enabled: true, charges_enabled: true, details_submitted: true });
    expect(forged.status).toBe(200);
    const org = async () => (await db().select().from(schema.organizations).where(eq(schema.organizations.id, seller.organizationId)))[0]!;
    expect((await org()).stripePayoutsEnabled).toBe(false);
    expect((await forge('account.updated', { id: 'acct_never_made', object: 'account', payouts_enabled: true })).body.outcome).toBe('NOT_CONFIRMED');

    // the real onboarding, told by the stand-in, does enable them
    await fetch(`${app.stripe!.url}/_standin/accounts/${accountId}/complete-onboarding`, { method: 'POST' });
    await app.stripe!.deliverPendingEvents();
    expect((await org()).stripePayoutsEnabled).toBe(true);
  });
});
