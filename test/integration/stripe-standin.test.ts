// The Stripe stand-in driven only through the official SDK, with a local endpoint receiving its webhooks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeStandin, type RunningStripeStandin } from '@leadex/stripe-standin';

const SECRET = 'whsec_standin_test';

interface ReceivedWebhook {
  raw: string;
  signature: string;
  event: { id: string; type: string; account?: string; data: { object: Record<string, any>; previous_attributes?: Record<string, unknown> } };
}

let standin: RunningStripeStandin;
let receiver: Server;
let stripe: Stripe;
const received: ReceivedWebhook[] = [];
let refuseNext = 0; // the receiver answers 500 to this many deliveries

// the clock the stand-in reads; tests move it forward instead of sleeping
let clockOffsetMs = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (refuseNext > 0) {
        refuseNext--;
        res.writeHead(500).end('not now');
        return;
      }
      received.push({ raw, signature: String(req.headers['stripe-signature']), event: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverPort = (receiver.address() as AddressInfo).port;
  standin = await startStripeStandin({
    port: 0,
    webhookSecret: SECRET,
    webhookUrl: `http://127.0.0.1:${receiverPort}/webhooks/stripe`,
    webhookRetryDelaysMs: [20, 40],
    now: () => new Date(Date.now() + clockOffsetMs),
  });
  stripe = new Stripe('sk_test_123', { host: '127.0.0.1', port: standin.port, protocol: 'http' });
});

afterAll(async () => {
  await standin?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

function webhooksFor(type: string, objectId: string): ReceivedWebhook[] {
  return received.filter((w) => w.event.type === type && w.event.data.object.id === objectId);
}

async function createSession(amount: number, orderId: string, currency = 'usd') {
  return stripe.checkout.sessions.create({
    mode: 'payment',
    client_reference_id: orderId,
    metadata: { order_id: orderId },
    payment_intent_data: { metadata: { order_id: orderId }, transfer_group: orderId },
    line_items: [{ quantity: 1, price_data: { currency, unit_amount: amount, product_data: { name: `Lead for ${orderId}` } } }],
    success_url: `http://web.test/orders/${orderId}?session={CHECKOUT_SESSION_ID}`,
    cancel_url: `http://web.test/orders/${orderId}?cancelled=1`,
  });
}

async function payProgrammatically(sessionId: string, card?: string) {
  const res = await fetch(`${standin.url}/_standin/checkout/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(card ? { card } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** A paid checkout: returns the session id and its PaymentIntent id. */
async function paidOrder(amount: number, orderId: string, currency = 'usd') {
  const session = await createSession(amount, orderId, currency);
  const paid = await payProgrammatically(session.id);
  expect(paid.status).toBe(200);
  return { sessionId: session.id, paymentIntentId: paid.body.payment_intent.id as string };
}

async function onboard(email: string) {
  const account = await stripe.accounts.create({ type: 'express', email, capabilities: { transfers: { requested: true } } });
  const res = await fetch(`${standin.url}/_standin/accounts/${account.id}/complete-onboarding`, { method: 'POST' });
  expect(res.status).toBe(200);
  return account.id;
}

describe('Stripe stand-in', () => {
  it('completes a checkout paid with 4242 and sends webhooks the SDK verifies', async () => {
    const session = await createSession(2500, 'ord_paid');
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 2500,
      currency: 'usd',
      livemode: false,
    });
    expect(session.url).toBe(`${standin.url}/checkout/pay/${session.id}`);

    const paid = await payProgrammatically(session.id);
    expect(paid.status).toBe(200);
    expect(paid.body.redirect_url).toBe(`http://web.test/orders/ord_paid?session=${session.id}`);
    await standin.deliverPendingEvents();

    const completed = webhooksFor('checkout.session.completed', session.id);
    expect(completed).toHaveLength(1);
    const event = stripe.webhooks.constructEvent(completed[0]!.raw, completed[0]!.signature, SECRET);
    expect(event.type).toBe('checkout.session.completed');
    expect(event.data.object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      client_reference_id: 'ord_paid',
      metadata: { order_id: 'ord_paid' },
    });
    expect(() => stripe.webhooks.constructEvent(completed[0]!.raw.replace('ord_paid', 'ord_fake'), completed[0]!.signature, SECRET)).toThrow();

    const intentId = paid.body.payment_intent.id as string;
    const succeeded = webhooksFor('payment_intent.succeeded', intentId);
    expect(succeeded).toHaveLength(1);
    const intentEvent = stripe.webhooks.constructEvent(succeeded[0]!.raw, succeeded[0]!.signature, SECRET);
    expect(intentEvent.data.object).toMatchObject({
      status: 'succeeded',
      amount: 2500,
      amount_received: 2500,
      metadata: { order_id: 'ord_paid' },
      transfer_group: 'ord_paid',
    });
    expect(webhooksFor('charge.succeeded', paid.body.payment_intent.latest_charge)).toHaveLength(1);

    const retrieved = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(retrieved).toMatchObject({ status: 'complete', payment_status: 'paid', url: null });
    const intent = retrieved.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ id: intentId, object: 'payment_intent', status: 'succeeded' });
    expect(intent.latest_charge).toMatch(/^ch_/);
  });

  it('declines 4000000000000002, leaves the session open, then takes a good card', async () => {
    const session = await createSession(1800, 'ord_declined');
    const declined = await payProgrammatically(session.id, '4000000000000002');
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });
    const intentId = declined.body.error.payment_intent.id as string;
    await standin.deliverPendingEvents();
    expect(webhooksFor('payment_intent.payment_failed', intentId)).toHaveLength(1);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    expect(await stripe.paymentIntents.retrieve(intentId)).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });

    const paid = await payProgrammatically(session.id);
    expect(paid.status).toBe(200);
    expect(paid.body.payment_intent).toMatchObject({ id: intentId, status: 'succeeded' });
  });

  it('refunds in parts and in full, and refuses to refund more than was paid', async () => {
    const { paymentIntentId } = await paidOrder(5000, 'ord_refunds');
    const partial = await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 2000, metadata: { refund_id: 'rfd_1' } });
    expect(partial).toMatchObject({ object: 'refund', amount: 2000, status: 'succeeded', payment_intent: paymentIntentId, metadata: { refund_id: 'rfd_1' } });
    await expect(stripe.refunds.create({ payment_intent: paymentIntentId, amount: 3001 })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'amount_too_large',
      param: 'amount',
    });
    const rest = await stripe.refunds.create({ payment_intent: paymentIntentId });
    expect(rest.amount).toBe(3000);
    const charge = await stripe.charges.retrieve(rest.charge as string);
    expect(charge).toMatchObject({ amount: 5000, amount_refunded: 5000, refunded: true });
    await expect(stripe.refunds.create({ payment_intent: paymentIntentId, amount: 1 })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'charge_already_refunded',
    });

    const listed = await stripe.refunds.list({ payment_intent: paymentIntentId });
    expect(listed.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect(await stripe.refunds.retrieve(partial.id)).toMatchObject({ amount: 2000 });
    await standin.deliverPendingEvents();
    const refundedEvents = received.filter((w) => w.event.type === 'charge.refunded' && w.event.data.object.payment_intent === paymentIntentId);
    expect(refundedEvents.map((w) => w.event.data.object.amount_refunded)).toEqual([2000, 5000]);
    expect(webhooksFor('refund.created', partial.id)).toHaveLength(1);
  });

  it('answers a repeated Idempotency-Key with the first refund and rejects it with other parameters', async () => {
    const { paymentIntentId } = await paidOrder(4000, 'ord_idem');
    const first = await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 1000 }, { idempotencyKey: 'refund-ord_idem-1' });
    const again = await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 1000 }, { idempotencyKey: 'refund-ord_idem-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    await expect(stripe.refunds.create({ payment_intent: paymentIntentId, amount: 1500 }, { idempotencyKey: 'refund-ord_idem-1' })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      rawType: 'idempotency_error',
      statusCode: 400,
    });
    // two clicks at once under one key still make one refund
    const [a, b] = await Promise.all([
      stripe.refunds.create({ payment_intent: paymentIntentId, amount: 500 }, { idempotencyKey: 'refund-ord_idem-2' }),
      stripe.refunds.create({ payment_intent: paymentIntentId, amount: 500 }, { idempotencyKey: 'refund-ord_idem-2' }),
    ]);
    expect(a.id).toBe(b.id);
    const refunds = await stripe.refunds.list({ payment_intent: paymentIntentId });
    expect(refunds.data.map((r) => r.id)).toEqual([a.id, first.id]);
    expect((await stripe.charges.retrieve(first.charge as string)).amount_refunded).toBe(1500);
  });

  it('onboards a connected account through its link, then transfers and reverses', async () => {
    await paidOrder(9000, 'ord_connect');
    const account = await stripe.accounts.create({ type: 'express', email: 'seller@example.test', capabilities: { transfers: { requested: true } } });
    expect(account).toMatchObject({ object: 'account', type: 'express', charges_enabled: false, payouts_enabled: false, details_submitted: false });

    const link = await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'http://web.test/payouts/refresh',
      return_url: 'http://web.test/payouts/done',
    });
    expect(link.object).toBe('account_link');
    const page = await fetch(link.url);
    expect(await page.text()).toContain('Complete onboarding');
    const submitted = await fetch(link.url, { method: 'POST', redirect: 'manual' });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe('http://web.test/payouts/done');
    const reused = await fetch(link.url, { redirect: 'manual' });
    expect(reused.headers.get('location')).toBe('http://web.test/payouts/refresh');

    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({ charges_enabled: true, payouts_enabled: true, details_submitted: true });
    await standin.deliverPendingEvents();
    const updated = webhooksFor('account.updated', account.id);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.event.account).toBe(account.id);
    expect(updated[0]!.event.data.previous_attributes).toMatchObject({ payouts_enabled: false });

    const transfer = await stripe.transfers.create(
      { amount: 3000, currency: 'usd', destination: account.id, transfer_group: 'ord_connect', metadata: { payout_id: 'po_1' } },
      { idempotencyKey: 'payout-po_1' },
    );
    expect(transfer).toMatchObject({ object: 'transfer', amount: 3000, amount_reversed: 0, destination: account.id, transfer_group: 'ord_connect' });
    const partial = await stripe.transfers.createReversal(transfer.id, { amount: 1000 });
    expect(partial).toMatchObject({ object: 'transfer_reversal', amount: 1000, transfer: transfer.id });
    await expect(stripe.transfers.createReversal(transfer.id, { amount: 2500 })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'amount' });
    const rest = await stripe.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(2000);
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 3000, reversed: true, reversals: { total_count: 2 } });
    expect((await stripe.transfers.listReversals(transfer.id)).data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect((await stripe.transfers.list({ destination: account.id })).data.map((t) => t.id)).toEqual([transfer.id]);
    expect((await stripe.transfers.list({ transfer_group: 'ord_connect' })).data).toHaveLength(1);

    await standin.deliverPendingEvents();
    expect(webhooksFor('transfer.created', transfer.id)).toHaveLength(1);
    expect(webhooksFor('transfer.reversed', transfer.id).map((w) => w.event.data.object.amount_reversed)).toEqual([1000, 3000]);
  });

  it('refuses a transfer to an account that has not finished onboarding', async () => {
    await paidOrder(2000, 'ord_not_onboarded');
    const account = await stripe.accounts.create({ type: 'express' });
    await expect(stripe.transfers.create({ amount: 1000, currency: 'usd', destination: account.id })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'insufficient_capabilities_for_transfer',
      param: 'destination',
    });
    await expect(stripe.transfers.create({ amount: 1000, currency: 'usd', destination: 'acct_missing' })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'destination',
    });
  });

  it('keeps the balance at payments − refunds − transfers + reversals', async () => {
    // euros, so the other tests' dollars do not count
    const { paymentIntentId } = await paidOrder(10_000, 'ord_balance', 'eur');
    await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 2500 });
    const seller = await onboard('balance@example.test');
    await expect(stripe.transfers.create({ amount: 7501, currency: 'eur', destination: seller })).rejects.toMatchObject({ code: 'balance_insufficient' });
    const transfer = await stripe.transfers.create({ amount: 4000, currency: 'eur', destination: seller });
    await stripe.transfers.createReversal(transfer.id, { amount: 1000 });
    const balance = await stripe.balance.retrieve();
    expect(balance.available.find((b) => b.currency === 'eur')?.amount).toBe(10_000 - 2500 - 4000 + 1000);
  });

  it('replays an event to the endpoint under the same id', async () => {
    const customer = await stripe.customers.create({ email: 'buyer@example.test', metadata: { org: 'org_1' } });
    await standin.deliverPendingEvents();
    const [original] = webhooksFor('customer.created', customer.id);
    expect(original).toBeDefined();

    const res = await fetch(`${standin.url}/_standin/events/${original!.event.id}/replay`, { method: 'POST' });
    expect(res.status).toBe(200);
    const copies = received.filter((w) => w.event.id === original!.event.id);
    expect(copies).toHaveLength(2);
    expect(stripe.webhooks.constructEvent(copies[1]!.raw, copies[1]!.signature, SECRET).id).toBe(original!.event.id);
    expect(await stripe.events.retrieve(original!.event.id)).toMatchObject({ type: 'customer.created', data: { object: { id: customer.id } } });
  });

  it('retries a delivery the endpoint refused until it is accepted', async () => {
    refuseNext = 2;
    const customer = await stripe.customers.create({ email: 'retry@example.test' });
    await standin.deliverPendingEvents();
    expect(webhooksFor('customer.created', customer.id)).toHaveLength(1);
    const log = (await (await fetch(`${standin.url}/_standin/events?type=customer.created`)).json()) as { data: any[] };
    const entry = log.data.find((e) => received.some((w) => w.event.id === e.id && w.event.data.object.id === customer.id));
    expect(entry.delivery).toBe('delivered');
    expect(entry.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
  });

  it('serves the hosted checkout page as a labelled form that pays and redirects', async () => {
    const session = await createSession(1250, 'ord_hosted');
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    for (const [id, label] of [
      ['cardNumber', 'Card number'],
      ['cardExpiry', 'Expiry'],
      ['cardCvc', 'CVC'],
      ['billingName', 'Name on card'],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<button type="submit">Pay $12.50</button>');

    const form = new URLSearchParams({ cardNumber: '4000 0000 0000 0002', cardExpiry: '12 / 34', cardCvc: '123', billingName: 'Ada Buyer' });
    const declined = await fetch(session.url!, { method: 'POST', body: form, redirect: 'manual' });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('role="alert"');

    form.set('cardNumber', '4242 4242 4242 4242');
    const paid = await fetch(session.url!, { method: 'POST', body: form, redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://web.test/orders/ord_hosted?session=${session.id}`);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'complete', customer_details: { name: 'Ada Buyer' } });
  });

  it('expires sessions on request and when expires_at passes', async () => {
    const session = await createSession(3000, 'ord_expire');
    expect(await stripe.checkout.sessions.expire(session.id)).toMatchObject({ status: 'expired', url: null });
    expect((await payProgrammatically(session.id)).status).toBe(400);

    const later = await createSession(3000, 'ord_expire_later');
    clockOffsetMs = 25 * 60 * 60 * 1000;
    try {
      expect(await stripe.checkout.sessions.retrieve(later.id)).toMatchObject({ status: 'expired' });
    } finally {
      clockOffsetMs = 0;
    }
    await standin.deliverPendingEvents();
    expect(webhooksFor('checkout.session.expired', session.id)).toHaveLength(1);
    expect(webhooksFor('checkout.session.expired', later.id)).toHaveLength(1);
  });

  it('confirms a PaymentIntent with pm_card_visa and rejects a declining test card with a card error', async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      confirm: true,
      payment_method: 'pm_card_visa',
      metadata: { wallet: 'w_1' },
    });
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 2000, metadata: { wallet: 'w_1' } });
    await expect(
      stripe.paymentIntents.create({ amount: 2000, currency: 'usd', confirm: true, payment_method: 'pm_card_chargeDeclined' }),
    ).rejects.toMatchObject({ type: 'StripeCardError', statusCode: 402, code: 'card_declined' });
    await expect(stripe.paymentIntents.create({ amount: 20, currency: 'usd' })).rejects.toMatchObject({ code: 'amount_too_small' });
  });

  it('answers unknown ids, missing params and bad keys the way Stripe does', async () => {
    await expect(stripe.paymentIntents.retrieve('pi_missing')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
    });
    await expect(stripe.refunds.create({ amount: 100 } as Stripe.RefundCreateParams)).rejects.toMatchObject({ statusCode: 400 });
    await expect(stripe.transfers.create({ currency: 'usd', destination: 'acct_x' } as Stripe.TransferCreateParams)).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'amount',
    });
    const live = new Stripe('sk_live_not_here', { host: '127.0.0.1', port: standin.port, protocol: 'http' });
    await expect(live.balance.retrieve()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
  });
});
