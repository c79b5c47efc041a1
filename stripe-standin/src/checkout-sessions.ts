// Checkout Sessions in `payment` mode: priced line items, a hosted page to pay on, completion into a
// succeeded PaymentIntent, and expiry (on request or when `expires_at` passes).
import { getCustomer } from './customers';
import { AUTOMATIC } from './events';
import { chargeCard, checkChargeAmount, createPaymentIntent } from './payment-intents';
import { invalidRequest, resourceMissing } from './stripe-errors';
import { newStripeId } from './stripe-ids';
import type { CheckoutSessionObject, CheckoutSessionRecord, EventOrigin, LineItemObject, PaymentIntentObject } from './standin-objects';
import { unixSeconds, type StandinContext } from './standin-state';
import { checkTestCard, type CardDetails, type CardFailure } from './test-cards';

export interface CheckoutSessionInput {
  lineItems: { name: string; description?: string; currency: string; unitAmount: number; quantity: number }[];
  successUrl?: string;
  cancelUrl?: string;
  clientReferenceId?: string;
  customer?: string;
  customerEmail?: string;
  expiresAt?: number;
  metadata: Record<string, string>;
  paymentIntentData: CheckoutSessionRecord['paymentIntentData'];
}

const MIN_LIFETIME_SECONDS = 30 * 60;
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

export function createCheckoutSession(ctx: StandinContext, input: CheckoutSessionInput): CheckoutSessionObject {
  const created = unixSeconds(ctx.now());
  const currency = input.lineItems[0]!.currency;
  if (input.lineItems.some((item) => item.currency !== currency)) {
    throw invalidRequest('All line items must use the same currency.', { param: 'line_items' });
  }
  if (input.customer && input.customerEmail) {
    throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', { param: 'customer_email' });
  }
  if (input.customer) getCustomer(ctx, input.customer, 'customer');
  const expiresAt = input.expiresAt ?? created + MAX_LIFETIME_SECONDS;
  if (expiresAt < created + MIN_LIFETIME_SECONDS || expiresAt > created + MAX_LIFETIME_SECONDS) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', { param: 'expires_at' });
  }
  const lineItems: LineItemObject[] = input.lineItems.map((item) => {
    const total = item.unitAmount * item.quantity;
    return {
      id: newStripeId('li'),
      object: 'item',
      amount_discount: 0,
      amount_subtotal: total,
      amount_tax: 0,
      amount_total: total,
      currency,
      description: item.name,
      metadata: {},
      quantity: item.quantity,
      price: {
        id: newStripeId('price'),
        object: 'price',
        active: false,
        billing_scheme: 'per_unit',
        created,
        currency,
        livemode: false,
        lookup_key: null,
        metadata: {},
        nickname: null,
        product: newStripeId('prod'),
        recurring: null,
        tax_behavior: 'unspecified',
        type: 'one_time',
        unit_amount: item.unitAmount,
        unit_amount_decimal: String(item.unitAmount),
      },
    };
  });
  const amountTotal = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  checkChargeAmount(amountTotal, currency, 'line_items');
  const id = newStripeId('cs_test');
  const session: CheckoutSessionObject = {
    id,
    object: 'checkout.session',
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: amountTotal,
    amount_total: amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl ?? null,
    client_reference_id: input.clientReferenceId ?? null,
    client_secret: null,
    consent: null,
    consent_collection: null,
    created,
    currency,
    custom_fields: [],
    customer: input.customer ?? null,
    customer_creation: input.customer ? null : 'if_required',
    customer_details: null,
    customer_email: input.customerEmail ?? null,
    expires_at: expiresAt,
    invoice: null,
    livemode: false,
    locale: null,
    metadata: input.metadata,
    mode: 'payment',
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    recovered_from: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: input.successUrl ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: `${ctx.publicUrl}/checkout/pay/${id}`,
  };
  ctx.state.checkoutSessions.set(id, { session, lineItems, paymentIntentData: input.paymentIntentData });
  return session;
}

export function getCheckoutSession(ctx: StandinContext, id: string): CheckoutSessionRecord {
  const record = ctx.state.checkoutSessions.get(id);
  if (!record) throw resourceMissing('checkout.session', id);
  return record;
}

/** Closes an open session: its URL stops working and an unpaid PaymentIntent is canceled. */
export function expireCheckoutSession(ctx: StandinContext, id: string, origin: EventOrigin): CheckoutSessionObject {
  const { session } = getCheckoutSession(ctx, id);
  if (session.status !== 'open') {
    throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`, {
      code: 'checkout_session_unexpected_state',
    });
  }
  const intent = typeof session.payment_intent === 'string' ? ctx.state.paymentIntents.get(session.payment_intent) : undefined;
  if (intent && intent.status === 'requires_payment_method') {
    intent.status = 'canceled';
    intent.canceled_at = unixSeconds(ctx.now());
    intent.cancellation_reason = 'abandoned';
    ctx.emit('payment_intent.canceled', intent, { origin });
  }
  session.status = 'expired';
  session.url = null;
  ctx.emit('checkout.session.expired', session, { origin });
  return session;
}

/** Sessions whose `expires_at` has passed expire, as Stripe does on its own some time after. */
export function expireDueCheckoutSessions(ctx: StandinContext): void {
  const now = unixSeconds(ctx.now());
  for (const { session } of ctx.state.checkoutSessions.values()) {
    if (session.status === 'open' && session.expires_at <= now) expireCheckoutSession(ctx, session.id, AUTOMATIC);
  }
}

export type CheckoutPayment =
  | { ok: true; session: CheckoutSessionObject; intent: PaymentIntentObject }
  | { ok: false; session: CheckoutSessionObject; intent: PaymentIntentObject | null; failure: CardFailure };

/** What the hosted page does when the buyer submits a card. */
export function payCheckoutSession(ctx: StandinContext, id: string, payer: { card: CardDetails; email?: string }, origin: EventOrigin): CheckoutPayment {
  expireDueCheckoutSessions(ctx);
  const record = getCheckoutSession(ctx, id);
  const { session } = record;
  if (session.status !== 'open') {
    throw invalidRequest(`This Checkout Session is no longer open (status: ${session.status}).`, { code: 'checkout_session_unexpected_state', status: 400 });
  }
  const invalid = checkTestCard(payer.card, ctx.now()).failure;
  if (invalid?.stage === 'validation') return { ok: false, session, intent: null, failure: invalid };
  const email =
    payer.email ?? session.customer_email ?? (typeof session.customer === 'string' ? ctx.state.customers.get(session.customer)?.email : null) ?? null;
  const intent =
    typeof session.payment_intent === 'string'
      ? ctx.state.paymentIntents.get(session.payment_intent)!
      : createPaymentIntent(
          ctx,
          {
            amount: session.amount_total!,
            currency: session.currency!,
            customer: typeof session.customer === 'string' ? session.customer : undefined,
            description: record.paymentIntentData.description,
            metadata: { ...record.paymentIntentData.metadata },
            transferGroup: record.paymentIntentData.transferGroup,
            receiptEmail: record.paymentIntentData.receiptEmail,
          },
          origin,
        );
  session.payment_intent = intent.id;
  const attempt = chargeCard(ctx, intent, payer.card, origin, { billingEmail: email });
  if (!attempt.ok) return { ok: false, session, intent, failure: attempt.failure };
  session.status = 'complete';
  session.payment_status = 'paid';
  session.url = null;
  session.customer_details = { address: null, email, name: payer.card.name ?? null, phone: null, tax_exempt: 'none', tax_ids: [] };
  ctx.emit('checkout.session.completed', session, { origin });
  return { ok: true, session, intent };
}

/** Where the buyer goes after paying: `success_url` with `{CHECKOUT_SESSION_ID}` filled in. */
export function successRedirect(session: CheckoutSessionObject): string | null {
  return session.success_url ? session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id) : null;
}
