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

/** A successful payment, read once from either event type; metadata says what it pays for. */
interface Payment {
  paymentIntentId: string;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  clientReferenceId: string | null;
}

function paymentOf(event: Stripe.Event): Payment | null {
  if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
    const s = event.data.object;
    if (s.payment_status !== 'paid' || !s.payment_intent) return null;
    const pi = typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent.id;
    return { paymentIntentId: pi, amount: s.amount_total ?? 0, currency: s.currency ?? '', metadata: s.metadata ?? {}, clientReferenceId: s.client_reference_id };
  }
  if (event.type === 'payment_intent.succeeded') {
    const pi = event.data.object;
    return { paymentIntentId: pi.id, amount: pi.amount_received || pi.amount, currency: pi.currency, metadata: pi.metadata ?? {}, clientReferenceId: null };
  }
  return null;
}

export async function handleStripeEvent(deps: AppDeps, event: Stripe.Event): Promise<EventOutcome> {
  const payment = paymentOf(event);
  const topUpId = payment?.metadata.wallet_top_up_id;
  const orderId = topUpId ? undefined : (payment?.metadata.order_id ?? payment?.clientReferenceId ?? undefined);
  const result = await deps.db.transaction(async (tx) => {
    const object = event.data.object as { id?: string };
    const fresh = await tx
      .insert(schema.stripeEvents)
      .values({ id: event.id, type: event.type, objectId: object.id ?? null, outcome: 'PROCESSING', receivedAt: deps.clock() })
      .onConflictDoNothing()
      .returning({ id: schema.stripeEvents.id });
    if (!fresh.length) return { outcome: 'DUPLICATE' as const };
    if (payment && topUpId) {
      const outcome = await recordTopUpPayment(deps, tx, { topUpId, paymentIntentId: payment.paymentIntentId, amount: payment.amount });
      await tx.update(schema.stripeEvents).set({ outcome }).where(eq(schema.stripeEvents.id, event.id));
      return { outcome };
    }
    if (event.type === 'account.updated') {
      const known = await applyAccountUpdate(tx, event.data.object);
      await tx.update(schema.stripeEvents).set({ outcome: known ? 'ACCOUNT_UPDATED' : 'IGNORED' }).where(eq(schema.stripeEvents.id, event.id));
      return { outcome: known ? ('ACCOUNT_UPDATED' as const) : ('IGNORED' as const) };
    }
    if (!payment || !orderId) {
      await tx.update(schema.stripeEvents).set({ outcome: 'IGNORED' }).where(eq(schema.stripeEvents.id, event.id));
      return { outcome: 'IGNORED' as const };
    }
    const outcome = await recordOrderPayment(deps, tx, { orderId, paymentIntentId: payment.paymentIntentId, amount: payment.amount, currency: payment.currency });
    await tx.update(schema.stripeEvents).set({ outcome: outcome.result }).where(eq(schema.stripeEvents.id, event.id));
    return { outcome: outcome.result, refundId: outcome.result === 'REFUND_DUE' ? outcome.refundId : undefined };
  });
  // after commit: the refund call goes out (if it fails, the refund stays PENDING for the retry job), and a
  // paid order's leads go out to the buyer's webhook endpoints
  if ('refundId' in result && result.refundId) await issueRefund(deps, result.refundId);
  if (result.outcome === 'PAID' && orderId) await enqueueOrderDeliveries(deps, orderId);
  return result.outcome;
}
