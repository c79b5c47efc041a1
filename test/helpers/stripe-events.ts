// Stripe-shaped webhook events signed the way Stripe signs them, for driving the webhook endpoint.
import Stripe from 'stripe';
import { randomBytes } from 'node:crypto';

const sdk = new Stripe('sk_test_signing_only');

export function signedEvent(secret: string, type: string, object: Record<string, unknown>, id = `evt_${randomBytes(12).toString('hex')}`) {
  const payload = JSON.stringify({
    id, object: 'event', api_version: '2025-01-27.acacia', created: Math.floor(Date.now() / 1000), livemode: false,
    pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object },
  });
  return { id, payload, header: sdk.webhooks.generateTestHeaderString({ payload, secret }) };
}

export function checkoutCompleted(orderId: string, amount: number, paymentIntent: string, currency = 'usd') {
  return {
    id: `cs_test_${randomBytes(8).toString('hex')}`, object: 'checkout.session', mode: 'payment', status: 'complete', payment_status: 'paid',
    amount_total: amount, currency, client_reference_id: orderId, metadata: { order_id: orderId }, payment_intent: paymentIntent,
  };
}

export function paymentIntentSucceeded(orderId: string, amount: number, paymentIntent: string, currency = 'usd') {
  return { id: paymentIntent, object: 'payment_intent', amount, amount_received: amount, currency, status: 'succeeded', metadata: { order_id: orderId } };
}

export async function deliver(webhookUrl: string, event: { payload: string; header: string }) {
  const res = await fetch(webhookUrl, { method: 'POST', body: event.payload, headers: { 'content-type': 'application/json', 'stripe-signature': event.header } });
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}
