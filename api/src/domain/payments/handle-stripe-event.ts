// Stripe webhook events: each event id is processed once (stored in the same transaction as its effect);
// checkout.session.completed and payment_intent.succeeded may come in any order, either records the payment.
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { AppDeps } from '../../context';
import { recordOrderPayment, type PaymentOutcome } from '../orders/record-payment';
import { enqueueOrderDeliveries } from '../exchange/deliveries.service';
import { recordTopUpPayment } from '../exchange/wallet.service';
import { applyAccountUpdate } from '../settlement/payout-account';
import { issueRefund } from './issue-refund';

export type EventOutcome = 'DUPLICATE' | 'IGNORED' | 'ACCOUNT_UPDATED' | 'TOPPED_UP' | 'ALREADY_RECORDED' | 'UNKNOWN_TOP_UP' | PaymentOutcome['result'];

/** A wallet top-up's payment (metadata.wallet_top_up_id), from either event. */
function topUpOf(event: Stripe.Event): { topUpId: string; paymentIntentId: string; amount: number } | null {
  if (event.type === 'checkout.session.completed') {
    const s = event.data.object;
    const id = s.metadata?.wallet_top_up_id;
    if (!id || s.payment_status !== 'paid' || !s.payment_intent) return null;
    return { topUpId: id, paymentIntentId: typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent.id, amount: s.amount_total ?? 0 };
  }
  if (event.type === 'payment_intent.succeeded') {
    const id = event.data.object.metadata?.wallet_top_up_id;
    return id ? { topUpId: id, paymentIntentId: event.data.object.id, amount: event.data.object.amount_received || event.data.object.amount } : null;
  }
  return null;
}

function paymentOf(event: Stripe.Event): { orderId: string; paymentIntentId: string; amount: number; currency: string } | null {
  if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
    const s = event.data.object;
    if (s.metadata?.wallet_top_up_id) return null;
    const orderId = s.metadata?.order_id ?? s.client_reference_id;
    if (s.payment_status !== 'paid' || !orderId || !s.payment_intent) return null;
    const pi = typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent.id;
    return { orderId, paymentIntentId: pi, amount: s.amount_total ?? 0, currency: s.currency ?? '' };
  }
  if (event.type === 'payment_intent.succeeded') {
    const pi = event.data.object;
    const orderId = pi.metadata?.order_id;
    if (!orderId) return null;
    return { orderId, paymentIntentId: pi.id, amount: pi.amount_received || pi.amount, currency: pi.currency };
  }
  return null;
}

export async function handleStripeEvent(deps: AppDeps, event: Stripe.Event): Promise<EventOutcome> {
  const payment = paymentOf(event);
  const result = await deps.db.transaction(async (tx) => {
    const object = event.data.object as { id?: string };
    const fresh = await tx
      .insert(schema.stripeEvents)
      .values({ id: event.id, type: event.type, objectId: object.id ?? null, outcome: 'PROCESSING', receivedAt: deps.clock() })
      .onConflictDoNothing()
      .returning({ id: schema.stripeEvents.id });
    if (!fresh.length) return { outcome: 'DUPLICATE' as const };
    const topUp = topUpOf(event);
    if (topUp) {
      const outcome = await recordTopUpPayment(deps, tx, topUp);
      await tx.update(schema.stripeEvents).set({ outcome }).where(eq(schema.stripeEvents.id, event.id));
      return { outcome };
    }
    if (event.type === 'account.updated') {
      const known = await applyAccountUpdate(tx, event.data.object);
      await tx.update(schema.stripeEvents).set({ outcome: known ? 'ACCOUNT_UPDATED' : 'IGNORED' }).where(eq(schema.stripeEvents.id, event.id));
      return { outcome: known ? ('ACCOUNT_UPDATED' as const) : ('IGNORED' as const) };
    }
    if (!payment) {
      await tx.update(schema.stripeEvents).set({ outcome: 'IGNORED' }).where(eq(schema.stripeEvents.id, event.id));
      return { outcome: 'IGNORED' as const };
    }
    const outcome = await recordOrderPayment(deps, tx, payment);
    await tx.update(schema.stripeEvents).set({ outcome: outcome.result }).where(eq(schema.stripeEvents.id, event.id));
    return { outcome: outcome.result, refundId: outcome.result === 'REFUND_DUE' ? outcome.refundId : undefined };
  });
  // after commit: the refund call goes out (if it fails, the refund stays PENDING for the retry job), and a
  // paid order's leads go out to the buyer's webhook endpoints
  if ('refundId' in result && result.refundId) await issueRefund(deps, result.refundId);
  if (result.outcome === 'PAID' && payment) await enqueueOrderDeliveries(deps, payment.orderId);
  return result.outcome;
}
