// Stripe-shaped webhook events signed the way Stripe signs them, for driving the webhook endpoint.
import Stripe from 'stripe';
import { randomBytes } from 'node:crypto';

const sdk = new Stripe('sk_test_signing_only');

export function signedEvent(secret: string, type: string, object: Record<string, unknown>, id = `evt_${randomBytes(12).toString('hex')}`) {
  const payload = JSON.stringify({
    id,
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  return { id, payload, header: sdk.webhooks.generateTestHeaderString({ payload, secret }) };
}

export function checkoutCompleted(orderId: string, amount: number, paymentIntent: string, currency = 'usd') {
  return {
    id: `cs_test_${randomBytes(8).toString('hex')}`,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_total: amount,
    currency,
    client_reference_id: orderId,
    metadata: { order_id: orderId },
    payment_intent: paymentIntent,
  };
}

export function paymentIntentSucceeded(orderId: string, amount: number, paymentIntent: string, currency = 'usd') {
  return { id: paymentIntent, object: 'payment_intent', amount, amount_received: amount, currency, status: 'succeeded', metadata: { order_id: orderId } };
}

export async function deliver(webhookUrl: string, event: { payload: string; header: string }) {
  const res = await fetch(webhookUrl, {
    method: 'POST',
    body: event.payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': event.header },
  });
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}

/** Pays a Checkout Session on the Stripe stand-in as the hosted page would (test card 4242… unless told). */
export async function payOnStandin(standinUrl: string, sessionId: string, card = '4242424242424242') {
  const res = await fetch(`${standinUrl}/_standin/checkout/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card }),
  });
  if (!res.ok) throw new Error(`stand-in payment failed: ${res.status}`);
  return (await res.json()) as { session: { id: string; payment_intent: string; amount_total: number }; payment_intent: { id: string } };
}

/**
 * A real event the stand-in recorded (its id and body), signed afresh with the endpoint secret, for driving
 * the webhook by hand: the same event twice, or the two events of a payment in either order.
 */
export function recordedEvent(
  state: { events: Map<string, { event: { id: string; type: string; data: { object: unknown } } }> },
  type: string,
  objectId: string,
) {
  const record = [...state.events.values()].find((r) => r.event.type === type && (r.event.data.object as { id: string }).id === objectId);
  if (!record) throw new Error(`the stand-in recorded no ${type} for ${objectId}`);
  return record.event;
}

export function signedRecordedEvent(secret: string, event: { id: string; type: string; data: { object: unknown } }) {
  return signedEvent(secret, event.type, event.data.object as Record<string, unknown>, event.id);
}
