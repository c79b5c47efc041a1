// Stripe webhook events: each event id is processed once (stored in the same transaction as its effect);
// checkout.session.completed and payment_intent.succeeded may come in any order, either records the payment.
// The event body is only a pointer: what was paid, how much and for what is read back from Stripe first.
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { AppDeps } from '../app-deps';
import { sendNotificationsSoon } from '../notifications/queue-notification';
import { recordOrderPayment, type PaymentOutcome } from '../orders/record-payment';
import { enqueueOrderDeliveries } from '../exchange/deliveries.service';
import { recordTopUpPayment, type TopUpOutcome } from '../exchange/wallet.service';
import { applyAccountUpdate } from '../settlement/payout-account';
import { issueRefund } from './issue-refund';
import { readEventFromStripe } from './read-from-stripe';

export type EventOutcome = 'DUPLICATE' | 'IGNORED' | 'NOT_CONFIRMED' | 'ACCOUNT_UPDATED' | TopUpOutcome | PaymentOutcome['result'];

export async function handleStripeEvent(deps: AppDeps, event: Stripe.Event): Promise<EventOutcome> {
  const seen = await deps.db.select({ id: schema.stripeEvents.id }).from(schema.stripeEvents).where(eq(schema.stripeEvents.id, event.id));
  // a redelivery needs no second look at Stripe; two deliveries at once are still settled by the insert below
  if (seen.length) return 'DUPLICATE';
  const reading = await readEventFromStripe(deps, event);
  if (reading.kind === 'REFUSED') {
    deps.logger.warn(
      { eventId: event.id, type: event.type, refused: reading.refused, detail: reading.detail },
      'stripe event not confirmed by Stripe; nothing changed',
    );
  }
  const payment = reading.kind === 'PAYMENT' ? reading.payment : null;
  const result = await deps.db.transaction(async (tx) => {
    const object = event.data.object as { id?: string };
    const fresh = await tx
      .insert(schema.stripeEvents)
      .values({ id: event.id, type: event.type, objectId: object.id ?? null, outcome: 'PROCESSING', receivedAt: deps.clock() })
      .onConflictDoNothing()
      .returning({ id: schema.stripeEvents.id });
    if (!fresh.length) return { outcome: 'DUPLICATE' as const };
    const settle = async <T extends { outcome: EventOutcome }>(r: T): Promise<T> => {
      await tx.update(schema.stripeEvents).set({ outcome: r.outcome }).where(eq(schema.stripeEvents.id, event.id));
      return r;
    };
    if (reading.kind === 'REFUSED') return settle({ outcome: 'NOT_CONFIRMED' as const });
    if (reading.kind === 'ACCOUNT') {
      const known = await applyAccountUpdate(tx, reading);
      return settle({ outcome: known ? ('ACCOUNT_UPDATED' as const) : ('IGNORED' as const) });
    }
    if (!payment) return settle({ outcome: 'IGNORED' as const });
    const { target, paymentIntentId, amount } = payment;
    if (target.kind === 'TOP_UP')
      return settle(await recordTopUpPayment(deps, tx, { topUpId: target.topUpId, paymentIntentId, amount: amount.amount, currency: amount.currency }));
    const paid = await recordOrderPayment(deps, tx, { orderId: target.orderId, paymentIntentId, amount });
    return settle({ outcome: paid.result, refundId: paid.result === 'REFUND_DUE' ? paid.refundId : undefined });
  });
  // after commit: the refund call goes out (if it fails, the refund stays PENDING for the retry job), and a
  // paid order's leads go out to the buyer's webhook endpoints
  if ('refundId' in result && result.refundId) await issueRefund(deps, result.refundId);
  if (result.outcome === 'PAID' && payment?.target.kind === 'ORDER') {
    await enqueueOrderDeliveries(deps, payment.target.orderId);
    await sendNotificationsSoon(deps);
  }
  return result.outcome;
}
