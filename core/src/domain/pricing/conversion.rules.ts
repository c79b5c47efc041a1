// How buyers' reported outcomes move a seller's price in a segment (issue 11 §4).
//
// rate(seller, segment) = CONVERTED / reported outcomes (every outcome but NEW: CONTACTED, QUALIFIED,
// CONVERTED, LOST). The rate is shrunk toward the segment average (all sellers' outcomes pooled) with a
// prior of PRIOR_OUTCOMES, so a seller with a handful of outcomes barely moves:
//   shrunk = (conversions + PRIOR_OUTCOMES × average) / (outcomes + PRIOR_OUTCOMES)
//   factor = clamp(1 + SENSITIVITY × (shrunk − average), FACTOR_MIN, FACTOR_MAX), rounded to 4 decimals
// (the scale of the stored column, so the pure listPrice and the SQL repricer multiply the same number).
// No outcomes → exactly 1. The factor multiplies the grid price only; an asking price stays as the seller set it.

export const CONVERSION_DEFAULTS = {
  PRIOR_OUTCOMES: 20,
  SENSITIVITY: 1,
  FACTOR_MIN: 0.9,
  FACTOR_MAX: 1.2,
} as const;
export type ConversionSettings = { [K in keyof typeof CONVERSION_DEFAULTS]: number };

export interface ConversionCounts {
  outcomes: number; // reported (non-NEW) outcomes
  conversions: number; // of which CONVERTED
}

export function conversionRate(c: ConversionCounts): number {
  return c.outcomes > 0 ? c.conversions / c.outcomes : 0;
}

/** Pooled rate of the segment: every seller's conversions over every seller's outcomes. */
export function segmentAverageRate(rows: readonly ConversionCounts[]): number {
  return conversionRate(
    rows.reduce((s, r) => ({ outcomes: s.outcomes + r.outcomes, conversions: s.conversions + r.conversions }), { outcomes: 0, conversions: 0 }),
  );
}

export function conversionFactor(c: ConversionCounts, averageRate: number, settings: ConversionSettings = CONVERSION_DEFAULTS): number {
  if (c.outcomes <= 0) return 1;
  const shrunk = (c.conversions + settings.PRIOR_OUTCOMES * averageRate) / (c.outcomes + settings.PRIOR_OUTCOMES);
  const raw = 1 + settings.SENSITIVITY * (shrunk - averageRate);
  const clamped = Math.min(settings.FACTOR_MAX, Math.max(settings.FACTOR_MIN, raw));
  return Math.round(clamped * 10_000) / 10_000;
}

/** The factors of every seller in one segment, against the segment's own pooled average. */
export function segmentConversionFactors<T extends ConversionCounts>(
  rows: readonly T[],
  settings: ConversionSettings = CONVERSION_DEFAULTS,
): Array<T & { factor: number }> {
  const average = segmentAverageRate(rows);
  return rows.map((r) => ({ ...r, factor: conversionFactor(r, average, settings) }));
}
