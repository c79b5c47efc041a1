// A signed event only says "look at this object": whoever holds (or stole) the webhook secret can sign
// any body, and a real event can be replayed for another object. So before money moves, the object is
// retrieved from Stripe through the SDK, and only Stripe's copy decides what was paid, how much, for what.
import Stripe from 'stripe';
import type { AppDeps } from '../app-deps';
import { confirmPayment, paymentOfIntent, paymentOfSession, targetOf, type ConfirmedPayment, type Unconfirmed } from './stripe-payment.rules';

export type StripeReading =
  | { kind: 'PAYMENT'; payment: ConfirmedPayment }
  | { kind: 'ACCOUNT'; accountId: string; payoutsEnabled: boolean }
  | { kind: 'REFUSED'; refused: Unconfirmed['refused']; detail: string }
  | { kind: 'IGNORED' };

const SESSION_PAID = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

/** Stripe's answer for an id it does not have; anything else (network, 5xx) is thrown so Stripe retries the event. */
async function retrieved<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError && (err.code === 'resource_missing' || err.statusCode === 404)) return null;
    throw err;
  }
}

const missing = (what: string, id: string): StripeReading => ({ kind: 'REFUSED', refused: 'MISSING_AT_STRIPE', detail: `no ${what} ${id} at Stripe` });

function asReading(result: ConfirmedPayment | Unconfirmed): StripeReading {
  if (!('refused' in result)) return { kind: 'PAYMENT', payment: result };
  // a payment for something that is not ours is no attack, just nothing to do
  return result.refused === 'NOTHING_OF_OURS' ? { kind: 'IGNORED' } : { kind: 'REFUSED', ...result };
}

export async function readEventFromStripe(deps: AppDeps, event: Stripe.Event): Promise<StripeReading> {
  if (SESSION_PAID.has(event.type)) {
    const claimed = event.data.object as Stripe.Checkout.Session;
    // a session completed without payment yet (a delayed method) claims nothing: no need to ask
    if (claimed.payment_status !== 'paid') return { kind: 'IGNORED' };
    const session = await retrieved(() => deps.stripe.checkout.sessions.retrieve(claimed.id));
    if (!session) return missing('checkout session', claimed.id);
    return asReading(confirmPayment(targetOf(claimed.metadata, claimed.client_reference_id), paymentOfSession(session)));
  }
  if (event.type === 'payment_intent.succeeded') {
    const claimed = event.data.object;
    const intent = await retrieved(() => deps.stripe.paymentIntents.retrieve(claimed.id));
    if (!intent) return missing('payment intent', claimed.id);
    return asReading(confirmPayment(targetOf(claimed.metadata), paymentOfIntent(intent)));
  }
  if (event.type === 'account.updated') {
    const claimed = event.data.object;
    const account = await retrieved(() => deps.stripe.accounts.retrieve(claimed.id));
    if (!account) return missing('account', claimed.id);
    return { kind: 'ACCOUNT', accountId: account.id, payoutsEnabled: account.payouts_enabled === true };
  }
  return { kind: 'IGNORED' };
}
