// Dispute rules: the return window, the abuse guard on automatic acceptance, and refund amounts.
import { money, type Money } from '../shared/money';

export const DISPUTE_REASONS = ['INVALID_CONTACT', 'DUPLICATE', 'FAKE', 'NOT_INTERESTED', 'OUT_OF_GEO', 'OTHER'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** The return window of a segment that names none (docs/domain.md, Disputes and refunds); `segments.return_window_hours` defaults to it too. */
export const DEFAULT_RETURN_WINDOW_HOURS = 72;

/** A buyer may dispute until the segment's return window (hours after the purchase) closes. */
export function withinReturnWindow(purchasedAt: Date, windowHours: number, now: Date): boolean {
  return now.getTime() < purchasedAt.getTime() + windowHours * 3_600_000;
}

// Buyers whose upheld returns exceed this share of their purchases (with enough purchases to judge)
// lose automatic acceptance: their disputes wait for an operator.
export const ABUSE_MIN_PURCHASES = 10;
export const ABUSE_MAX_UPHELD_RATE = 0.3;
/** The buyer's record the guard judges: purchases made, and disputes upheld, in the last this many days. */
export const ABUSE_LOOKBACK_DAYS = 90;

export function automaticAcceptanceAllowed(purchases: number, upheld: number): boolean {
  if (purchases < ABUSE_MIN_PURCHASES) return true;
  return upheld / purchases <= ABUSE_MAX_UPHELD_RATE;
}

// Refund amounts. A purchase's escrow holds its price less what refunds already returned; an accepted dispute
// refunds part or all of that, never more. The SQL that books a refund (`applyRefundToPurchase`: refunded_amount
// grows, REFUNDED once nothing is left) and settles the rest (mature-sales.ts: `price - refunded_amount`) does
// the same arithmetic set-based; test/integration/dispute-refund-sql.test.ts keeps the two equal.

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} and ${b.currency}`);
}

/** What a purchase can still refund: its price less what earlier refunds returned. */
export function refundableAmount(price: Money, refunded: Money): Money {
  sameCurrency(price, refunded);
  if (refunded.amount < 0 || refunded.amount > price.amount) throw new RangeError(`refunded ${refunded.amount} is outside 0..${price.amount}`);
  return money(price.amount - refunded.amount, price.currency);
}

/**
 * The refund an accepted dispute records: the operator's amount when one is given (a partial acceptance), else
 * everything still refundable (a full acceptance, and every automatic one). Null when the requested amount is
 * not between one minor unit and what is still refundable, or nothing is left to refund.
 */
export function disputeRefundAmount(purchase: { price: Money; refunded: Money }, requested: Money | null): Money | null {
  const refundable = refundableAmount(purchase.price, purchase.refunded);
  const amount = requested ?? refundable;
  sameCurrency(refundable, amount);
  return amount.amount >= 1 && amount.amount <= refundable.amount ? amount : null;
}

/** Whether a refund of `amount` leaves nothing of the purchase in escrow (the purchase becomes REFUNDED). */
export function refundsInFull(purchase: { price: Money; refunded: Money }, amount: Money): boolean {
  sameCurrency(purchase.price, amount);
  return purchase.refunded.amount + amount.amount >= purchase.price.amount;
}
