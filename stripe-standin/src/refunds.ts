// Refunds of a charge, whole or in parts; together they never exceed what was charged.
import { bookBalanceTransaction } from './balance';
import { formatMinorUnits } from './money-format';
import { getCharge, getPaymentIntent } from './payment-intents';
import { invalidRequest, resourceMissing } from './stripe-errors';
import { newStripeId } from './stripe-ids';
import type { ChargeObject, EventOrigin, RefundObject } from './standin-objects';
import { unixSeconds, type StandinContext } from './standin-state';

export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

export interface RefundInput {
  paymentIntent?: string;
  charge?: string;
  amount?: number; // the whole unrefunded rest when absent
  reason?: (typeof REFUND_REASONS)[number];
  metadata: Record<string, string>;
}

function chargeToRefund(ctx: StandinContext, input: RefundInput): ChargeObject {
  if (!input.paymentIntent && !input.charge) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
  }
  if (input.paymentIntent) {
    const intent = getPaymentIntent(ctx, input.paymentIntent, 'payment_intent');
    if (intent.status !== 'succeeded' || typeof intent.latest_charge !== 'string') {
      throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
        code: 'charge_not_refundable',
        param: 'payment_intent',
      });
    }
    if (input.charge && input.charge !== intent.latest_charge) {
      throw invalidRequest(`Charge ${input.charge} does not belong to PaymentIntent ${intent.id}.`, { param: 'charge' });
    }
    return getCharge(ctx, intent.latest_charge);
  }
  const charge = getCharge(ctx, input.charge!, 'charge');
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} has not been paid, so it cannot be refunded.`, { code: 'charge_not_refundable', param: 'charge' });
  }
  return charge;
}

/** Refunds at most the charge's unrefunded rest: `charge_already_refunded` at zero, `amount_too_large` beyond. */
export function createRefund(ctx: StandinContext, input: RefundInput, origin: EventOrigin): RefundObject {
  const charge = chargeToRefund(ctx, input);
  const unrefunded = charge.amount - charge.amount_refunded;
  if (unrefunded === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
      param: input.paymentIntent ? 'payment_intent' : 'charge',
    });
  }
  const amount = input.amount ?? unrefunded;
  if (amount > unrefunded) {
    throw invalidRequest(
      `Refund amount (${formatMinorUnits(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMinorUnits(unrefunded, charge.currency)})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const id = newStripeId('re');
  const refund: RefundObject = {
    id,
    object: 'refund',
    amount,
    balance_transaction: bookBalanceTransaction(ctx, { type: 'refund', amount: -amount, currency: charge.currency, source: id }),
    charge: charge.id,
    created: unixSeconds(ctx.now()),
    currency: charge.currency,
    metadata: input.metadata,
    payment_intent: charge.payment_intent,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  ctx.state.refunds.set(id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  ctx.emit('refund.created', refund, { origin });
  ctx.emit('charge.refunded', charge, { origin, previousAttributes: previous });
  return refund;
}

export function getRefund(ctx: StandinContext, id: string): RefundObject {
  const refund = ctx.state.refunds.get(id);
  if (!refund) throw resourceMissing('refund', id);
  return refund;
}

export function refundsNewestFirst(ctx: StandinContext, filter: { paymentIntent?: string; charge?: string }): RefundObject[] {
  return [...ctx.state.refunds.values()]
    .filter((r) => (!filter.paymentIntent || r.payment_intent === filter.paymentIntent) && (!filter.charge || r.charge === filter.charge))
    .reverse();
}
