// Pure order arithmetic: line prices with the volume discount, and the request fingerprint for idempotency.
import { createHash } from 'node:crypto';
import { applyDiscount, volumeDiscountBps, type VolumeTier } from '../pricing/pricing.rules';
import { chargeStep, money, type Money } from '../shared/money';

export interface PricedOrder {
  discountBps: number;
  prices: Money[]; // one per line, in the order of the list prices
  total: Money;
}

/** Prices the lines of one order; every list price is in `currency` (one platform currency per deployment). */
export function priceOrderLines(listPrices: readonly Money[], tiers: readonly VolumeTier[], currency: string): PricedOrder {
  const other = listPrices.find((p) => p.currency !== currency);
  if (other) throw new Error(`an order in ${currency} cannot hold a lead priced in ${other.currency}`);
  const discountBps = volumeDiscountBps(listPrices.length, tiers);
  // each line is discounted and rounded on its own (to the charge step, so the total Stripe is asked for is
  // on it too), and a refund of one line returns exactly what it cost
  const step = chargeStep(currency);
  const prices = listPrices.map((p) => money(applyDiscount(p.amount, discountBps, step), currency));
  return {
    discountBps,
    prices,
    total: money(
      prices.reduce((s, p) => s + p.amount, 0),
      currency,
    ),
  };
}

export function requestFingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
