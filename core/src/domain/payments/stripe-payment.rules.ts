// What a Stripe Checkout Session or PaymentIntent pays for, read from the object itself. Pure: the
// webhook applies these to the copy it retrieved from Stripe, never to the event body alone.
import type Stripe from 'stripe';
import { money, type Money } from '../shared/money';

/** What a payment is for, from the metadata our own code set when it created the session. */
export type PaymentTarget = { kind: 'ORDER'; orderId: string } | { kind: 'TOP_UP'; topUpId: string };

export interface ConfirmedPayment {
  paymentIntentId: string;
  /** what was actually paid; Stripe's lower-case currency read as upper-case ISO */
  amount: Money;
  target: PaymentTarget;
}

/** Why a payment object does not count; `NOTHING_OF_OURS` is a payment for something Leadex did not sell. */
export type Unconfirmed = { refused: 'MISSING_AT_STRIPE' | 'NOT_PAID' | 'NOTHING_OF_OURS' | 'OTHER_TARGET'; detail: string };

type SessionFields = Pick<
  Stripe.Checkout.Session,
  'id' | 'payment_status' | 'payment_intent' | 'amount_total' | 'currency' | 'metadata' | 'client_reference_id'
>;
type IntentFields = Pick<Stripe.PaymentIntent, 'id' | 'status' | 'amount' | 'amount_received' | 'currency' | 'metadata'>;

export function targetOf(metadata: Record<string, string> | null | undefined, clientReferenceId?: string | null): PaymentTarget | null {
  if (metadata?.wallet_top_up_id) return { kind: 'TOP_UP', topUpId: metadata.wallet_top_up_id };
  const orderId = metadata?.order_id || clientReferenceId;
  return orderId ? { kind: 'ORDER', orderId } : null;
}

export function sameTarget(a: PaymentTarget, b: PaymentTarget): boolean {
  return a.kind === b.kind && (a.kind === 'ORDER' ? a.orderId === (b as typeof a).orderId : a.topUpId === (b as typeof a).topUpId);
}

function paidAmount(minor: number, currency: string | null): Money {
  return money(minor, (currency ?? '').toUpperCase());
}

export function paymentOfSession(s: SessionFields): ConfirmedPayment | Unconfirmed {
  if (s.payment_status !== 'paid' || !s.payment_intent) return { refused: 'NOT_PAID', detail: `session ${s.id} is ${s.payment_status}` };
  const target = targetOf(s.metadata, s.client_reference_id);
  if (!target) return { refused: 'NOTHING_OF_OURS', detail: `session ${s.id} has no order or top-up` };
  const paymentIntentId = typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent.id;
  return { paymentIntentId, amount: paidAmount(s.amount_total ?? 0, s.currency), target };
}

export function paymentOfIntent(pi: IntentFields): ConfirmedPayment | Unconfirmed {
  if (pi.status !== 'succeeded') return { refused: 'NOT_PAID', detail: `payment intent ${pi.id} is ${pi.status}` };
  const target = targetOf(pi.metadata);
  if (!target) return { refused: 'NOTHING_OF_OURS', detail: `payment intent ${pi.id} has no order or top-up` };
  return { paymentIntentId: pi.id, amount: paidAmount(pi.amount_received, pi.currency), target };
}

/**
 * The payment as Stripe holds it, checked against what the event claims: an event whose body names another
 * order or top-up than Stripe's own copy of the object is not trusted, however well it is signed.
 */
export function confirmPayment(claimed: PaymentTarget | null, atStripe: ConfirmedPayment | Unconfirmed): ConfirmedPayment | Unconfirmed {
  if ('refused' in atStripe) return atStripe;
  if (claimed && !sameTarget(claimed, atStripe.target))
    return { refused: 'OTHER_TARGET', detail: 'the event names another order or top-up than the object at Stripe' };
  return atStripe;
}
