// Order, purchase and refund lifecycles against real PostgreSQL: every disallowed move is refused with its
// code (a user's request) or decided idempotently (the webhook, the sweep, the refund job), and never a
// silent change of status.
import type { Actor } from '@leadex/core/domain/auth/access';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { checkoutOrder } from '@leadex/core/domain/orders/checkout-order';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { recordOrderPayment } from '@leadex/core/domain/orders/record-payment';
import { cancelOrder, expireOverdueOrders } from '@leadex/core/domain/orders/release-order';
import { issueRefund } from '@leadex/core/domain/payments/issue-refund';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { newId } from '@leadex/core/domain/shared/ids';
import { money } from '@leadex/core/domain/shared/money';
import { PLATFORM_ESCROW } from '@leadex/core/domain/ledger/ledger-accounts';
import { eq, schema } from '@leadex/db';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let seller: Actor;
beforeAll(async () => {
  app = await startTestApp({ label: 'lifecycles' });
  seller = await createSellerActor(app);
});
afterAll(() => app.close());

const db = () => app.runtime.deps.db;
const orderRow = async (id: string) => (await db().select().from(schema.orders).where(eq(schema.orders.id, id)))[0]!;

/** The DomainError code a call was refused with. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('expected a DomainError');
}

/** The payment webhook's domain step, as handleStripeEvent runs it once Stripe confirmed the payment. */
async function pay(orderId: string, paymentIntentId = `pi_test_${orderId}`, amount?: number) {
  const order = await orderRow(orderId);
  return db().transaction((tx) => recordOrderPayment(app.runtime.deps, tx, { orderId, paymentIntentId, amount: money(amount ?? order.total, order.currency) }));
}

async function reserve(buyer: Actor, lead: Record<string, unknown> = sharedLead(3)) {
  const [leadId] = await listLeads(app, seller, [lead]);
  const order = await createOrder(app.runtime.deps, buyer, { leadIds: [leadId] });
  return { leadId: leadId!, orderId: order.id };
}

/** Ends the hold now and lets the sweep expire it. */
async function expire(orderId: string) {
  await db()
    .update(schema.orders)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(schema.orders.id, orderId));
  await expireOverdueOrders(app.runtime.deps);
}

describe('order lifecycle', () => {
  it('refuses to check out an expired, a cancelled or a paid order with ORDER_NOT_PAYABLE', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const expired = await reserve(buyer!);
    await expire(expired.orderId);
    expect((await orderRow(expired.orderId)).status).toBe('EXPIRED');
    expect(await refusal(checkoutOrder(app.runtime.deps, buyer!, expired.orderId))).toBe('ORDER_NOT_PAYABLE');

    const cancelled = await reserve(buyer!);
    await cancelOrder(app.runtime.deps, buyer!, cancelled.orderId);
    expect(await refusal(checkoutOrder(app.runtime.deps, buyer!, cancelled.orderId))).toBe('ORDER_NOT_PAYABLE');

    const paid = await reserve(buyer!);
    expect(await pay(paid.orderId)).toMatchObject({ result: 'PAID' });
    expect(await refusal(checkoutOrder(app.runtime.deps, buyer!, paid.orderId))).toBe('ORDER_NOT_PAYABLE');
  });

  it('refuses to check out a reservation whose hold ended before the sweep came by', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const { orderId } = await reserve(buyer!);
    await db()
      .update(schema.orders)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.orders.id, orderId));
    expect(await refusal(checkoutOrder(app.runtime.deps, buyer!, orderId))).toBe('ORDER_NOT_PAYABLE');
  });

  it('refuses to cancel a paid, an expired or an already cancelled order with ORDER_NOT_CANCELLABLE, changing nothing', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const paid = await reserve(buyer!);
    await pay(paid.orderId);
    expect(await refusal(cancelOrder(app.runtime.deps, buyer!, paid.orderId))).toBe('ORDER_NOT_CANCELLABLE');
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'PAID' });
    const [lead] = await db().select().from(schema.leads).where(eq(schema.leads.id, paid.leadId));
    expect(lead).toMatchObject({ salesCount: 1, reservedCount: 0 });

    const expired = await reserve(buyer!);
    await expire(expired.orderId);
    expect(await refusal(cancelOrder(app.runtime.deps, buyer!, expired.orderId))).toBe('ORDER_NOT_CANCELLABLE');

    const cancelled = await reserve(buyer!);
    await cancelOrder(app.runtime.deps, buyer!, cancelled.orderId);
    expect(await refusal(cancelOrder(app.runtime.deps, buyer!, cancelled.orderId))).toBe('ORDER_NOT_CANCELLABLE');
  });

  it('never lets the sweep expire a paid order, whatever its hold says', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const { orderId } = await reserve(buyer!);
    await pay(orderId);
    await db()
      .update(schema.orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.orders.id, orderId));
    await expireOverdueOrders(app.runtime.deps);
    expect((await orderRow(orderId)).status).toBe('PAID');
  });

  it('records a payment once when the webhook delivers it again, and refunds a second payment of a paid order', async () => {
    const [buyer] = await createBuyerActors(app, 1);
    const { orderId } = await reserve(buyer!);
    expect(await pay(orderId, 'pi_once')).toEqual({ result: 'PAID', orderId });
    expect(await pay(orderId, 'pi_once')).toEqual({ result: 'ALREADY_RECORDED', orderId });
    const second = await pay(orderId, 'pi_twice');
    expect(second).toMatchObject({ result: 'REFUND_DUE', orderId });
    expect(await orderRow(orderId)).toMatchObject({ status: 'PAID', paymentIntentId: 'pi_once' });
    expect(await db().select().from(schema.purchases).where(eq(schema.purchases.orderId, orderId))).toHaveLength(1);
    const [refund] = await db().select().from(schema.refunds).where(eq(schema.refunds.paymentIntentId, 'pi_twice'));
    expect(refund).toMatchObject({ status: 'PENDING', amount: (await orderRow(orderId)).total, currency: 'USD' });
  });

  it('honours a late payment of an expired order while the lead is still there, and refunds one whose lead is gone', async () => {
    const [buyer, rival] = await createBuyerActors(app, 2);
    const honoured = await reserve(buyer!);
    await expire(honoured.orderId);
    expect(await pay(honoured.orderId)).toMatchObject({ result: 'PAID' });
    expect((await orderRow(honoured.orderId)).status).toBe('PAID');

    const lost = await reserve(buyer!, exclusiveLead());
    await cancelOrder(app.runtime.deps, buyer!, lost.orderId);
    const taken = await createOrder(app.runtime.deps, rival!, { leadIds: [lost.leadId] });
    await pay(taken.id);
    expect(await pay(lost.orderId)).toMatchObject({ result: 'REFUND_DUE' });
    // the order keeps its status; the money waits, unapplied, for its refund
    expect(await orderRow(lost.orderId)).toMatchObject({ status: 'CANCELLED' });
    expect(await pay(lost.orderId)).toMatchObject({ result: 'ALREADY_RECORDED' });
    expect(await checkLedgerInvariants(db())).toMatchObject({ ok: true });
  });
});

describe('purchase and refund lifecycles', () => {
  /** A paid sale and a PENDING refund of `amount` of it (all of it by default) into the buyer's wallet, as an accepted dispute records it. */
  async function saleWithRefund(amount?: number) {
    const [buyer] = await createBuyerActors(app, 1);
    const { orderId } = await reserve(buyer!);
    await pay(orderId);
    const [purchase] = await db().select().from(schema.purchases).where(eq(schema.purchases.orderId, orderId));
    const refundId = newId('rfd');
    await db()
      .insert(schema.refunds)
      .values({
        id: refundId,
        orderId,
        purchaseId: purchase!.id,
        reason: 'dispute FAKE',
        amount: amount ?? purchase!.price,
        currency: purchase!.currency,
        sourceAccount: PLATFORM_ESCROW,
        destination: 'WALLET',
        idempotencyKey: `test-${refundId}`,
        status: 'PENDING',
        createdAt: new Date(),
      });
    return { purchase: purchase!, refundId };
  }
  const purchaseRow = async (id: string) => (await db().select().from(schema.purchases).where(eq(schema.purchases.id, id)))[0]!;

  it('books a refund once when the job runs twice, and leaves a partly refunded purchase in escrow', async () => {
    const { purchase, refundId } = await saleWithRefund(100);
    expect(await issueRefund(app.runtime.deps, refundId)).toBe('SUCCEEDED');
    expect(await issueRefund(app.runtime.deps, refundId)).toBe('ALREADY_DONE');
    expect(await purchaseRow(purchase.id)).toMatchObject({ status: 'ESCROW', refundedAmount: 100 });
    expect(await checkLedgerInvariants(db())).toMatchObject({ ok: true });
  });

  it('moves a purchase to REFUNDED when its refunds reach the price', async () => {
    const { purchase, refundId } = await saleWithRefund();
    expect(await issueRefund(app.runtime.deps, refundId)).toBe('SUCCEEDED');
    expect(await purchaseRow(purchase.id)).toMatchObject({ status: 'REFUNDED', refundedAmount: purchase.price });
    expect(await checkLedgerInvariants(db())).toMatchObject({ ok: true });
  });

  it('refuses to issue a refund that is neither pending nor succeeded', async () => {
    const { refundId } = await saleWithRefund(50);
    await db().update(schema.refunds).set({ status: 'FAILED' }).where(eq(schema.refunds.id, refundId));
    expect(await refusal(issueRefund(app.runtime.deps, refundId))).toBe('TRANSITION_NOT_ALLOWED');
  });
});
