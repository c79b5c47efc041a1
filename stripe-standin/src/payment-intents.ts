// PaymentIntents and their charges: a card attempt either succeeds (charge, balance, events) or is
// declined (failed charge, `last_payment_error`, the intent waits for another payment method).
import { bookBalanceTransaction } from './balance';
import { getCustomer } from './customers';
import { chargeStep, formatMinorUnits, MAXIMUM_CHARGE, minimumCharge } from './money-format';
import { invalidRequest, resourceMissing } from './stripe-errors';
import { newStripeId, randomBase62 } from './stripe-ids';
import type { ChargeObject, EventOrigin, PaymentIntentObject } from './standin-objects';
import { unixSeconds, type StandinContext } from './standin-state';
import { checkTestCard, type CardDetails, type CardFailure } from './test-cards';

export interface PaymentIntentInput {
  amount: number;
  currency: string;
  customer?: string;
  description?: string;
  metadata: Record<string, string>;
  transferGroup?: string;
  receiptEmail?: string;
  paymentMethod?: string;
}

export function checkChargeAmount(amount: number, currency: string, param = 'amount'): void {
  const min = minimumCharge(currency);
  if (amount < min) {
    throw invalidRequest(`Amount must be at least ${formatMinorUnits(min, currency)} ${currency}`, { code: 'amount_too_small', param });
  }
  if (amount > MAXIMUM_CHARGE) {
    throw invalidRequest(`Amount must be no more than ${formatMinorUnits(MAXIMUM_CHARGE, currency)}`, { code: 'amount_too_large', param });
  }
  const step = chargeStep(currency);
  if (amount % step !== 0) {
    throw invalidRequest(`Amounts in ${currency} must be a multiple of ${step} (the last digit of a three-decimal amount must be 0); got ${amount}`, { param });
  }
}

export function createPaymentIntent(ctx: StandinContext, input: PaymentIntentInput, origin: EventOrigin): PaymentIntentObject {
  checkChargeAmount(input.amount, input.currency);
  if (input.customer) getCustomer(ctx, input.customer, 'customer');
  const id = newStripeId('pi');
  const intent: PaymentIntentObject = {
    id,
    object: 'payment_intent',
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomBase62(25)}`,
    confirmation_method: 'automatic',
    created: unixSeconds(ctx.now()),
    currency: input.currency,
    customer: input.customer ?? null,
    description: input.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod ?? null,
    payment_method_types: ['card'],
    processing: null,
    receipt_email: input.receiptEmail ?? null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: input.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    transfer_group: input.transferGroup ?? null,
  };
  ctx.state.paymentIntents.set(id, intent);
  ctx.emit('payment_intent.created', intent, { origin });
  return intent;
}

export function getPaymentIntent(ctx: StandinContext, id: string, param?: string): PaymentIntentObject {
  const intent = ctx.state.paymentIntents.get(id);
  if (!intent) throw param ? resourceMissing('payment_intent', id, param, 400) : resourceMissing('payment_intent', id);
  return intent;
}

export function getCharge(ctx: StandinContext, id: string, param?: string): ChargeObject {
  const charge = ctx.state.charges.get(id);
  if (!charge) throw param ? resourceMissing('charge', id, param, 400) : resourceMissing('charge', id);
  return charge;
}

export type CardAttempt = { ok: true; charge: ChargeObject } | { ok: false; charge: ChargeObject | null; failure: CardFailure };

function newCharge(ctx: StandinContext, intent: PaymentIntentObject, card: CardDetails, paymentMethod: string, billingEmail: string | null): ChargeObject {
  const check = checkTestCard(card, ctx.now());
  const failed = check.failure;
  const id = newStripeId('ch');
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: failed ? 0 : intent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: null, email: billingEmail, name: card.name ?? null, phone: null },
    calculated_statement_descriptor: 'LEADEX',
    captured: !failed,
    created: unixSeconds(ctx.now()),
    currency: intent.currency,
    customer: typeof intent.customer === 'string' ? intent.customer : null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failed?.code ?? null,
    failure_message: failed?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: failed
      ? {
          network_status: 'declined_by_network',
          reason: failed.declineCode ?? failed.code,
          risk_level: 'normal',
          risk_score: 20,
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        }
      : { network_status: 'approved_by_network', reason: null, risk_level: 'normal', risk_score: 20, seller_message: 'Payment complete.', type: 'authorized' },
    paid: !failed,
    payment_intent: intent.id,
    payment_method: paymentMethod,
    payment_method_details: {
      type: 'card',
      card: {
        brand: check.brand,
        country: 'US',
        exp_month: card.expMonth,
        exp_year: card.expYear,
        funding: check.funding,
        last4: check.last4,
        network: check.brand,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: failed ? null : `${ctx.publicUrl}/receipts/${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: failed ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
}

/**
 * Charges `card` for the intent. A card Stripe's form would reject (bad number, past expiry) changes
 * nothing; an issuer decline leaves a failed charge and `payment_intent.payment_failed`.
 */
export function chargeCard(
  ctx: StandinContext,
  intent: PaymentIntentObject,
  card: CardDetails,
  origin: EventOrigin,
  options: { paymentMethod?: string; billingEmail?: string | null } = {},
): CardAttempt {
  if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
    throw invalidRequest(
      `This PaymentIntent's payment_method could not be updated because it has a status of ${intent.status}. You may only update the payment_method of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const validation = checkTestCard(card, ctx.now()).failure;
  if (validation?.stage === 'validation') return { ok: false, charge: null, failure: validation };
  const paymentMethod = options.paymentMethod ?? newStripeId('pm');
  const charge = newCharge(ctx, intent, card, paymentMethod, options.billingEmail ?? null);
  ctx.state.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  if (charge.status === 'failed') {
    const failure = checkTestCard(card, ctx.now()).failure!;
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'card_error',
      charge: charge.id,
      code: failure.code,
      ...(failure.declineCode ? { decline_code: failure.declineCode } : {}),
      doc_url: `https://stripe.com/docs/error-codes/${failure.code.replace(/_/g, '-')}`,
      message: failure.message,
    };
    ctx.emit('charge.failed', charge, { origin });
    ctx.emit('payment_intent.payment_failed', intent, { origin });
    return { ok: false, charge, failure };
  }
  charge.balance_transaction = bookBalanceTransaction(ctx, { type: 'charge', amount: charge.amount, currency: charge.currency, source: charge.id });
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.payment_method = paymentMethod;
  intent.last_payment_error = null;
  ctx.emit('charge.succeeded', charge, { origin });
  ctx.emit('payment_intent.succeeded', intent, { origin });
  return { ok: true, charge };
}
