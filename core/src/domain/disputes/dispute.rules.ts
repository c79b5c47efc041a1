// Dispute rules: the return window, the abuse guard on automatic acceptance, and refund amounts.

export const DISPUTE_REASONS = ['INVALID_CONTACT', 'DUPLICATE', 'FAKE', 'NOT_INTERESTED', 'OUT_OF_GEO', 'OTHER'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** A buyer may dispute until the segment's return window (hours after the purchase) closes. */
export function withinReturnWindow(purchasedAt: Date, windowHours: number, now: Date): boolean {
  return now.getTime() < purchasedAt.getTime() + windowHours * 3_600_000;
}

// Buyers whose upheld returns exceed this share of their purchases (with enough purchases to judge)
// lose automatic acceptance: their disputes wait for an operator.
export const ABUSE_MIN_PURCHASES = 10;
export const ABUSE_MAX_UPHELD_RATE = 0.3;

export function automaticAcceptanceAllowed(purchases: number, upheld: number): boolean {
  if (purchases < ABUSE_MIN_PURCHASES) return true;
  return upheld / purchases <= ABUSE_MAX_UPHELD_RATE;
}
