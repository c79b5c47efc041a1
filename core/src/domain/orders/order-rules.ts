// Pure order arithmetic: line prices with the volume discount, and the request fingerprint for idempotency.
import { createHash } from 'node:crypto';
import { applyDiscount, volumeDiscountBps, type VolumeTier } from '../pricing/pricing.rules';

export function priceOrderLines(listPrices: number[], tiers: readonly VolumeTier[]): { discountBps: number; prices: number[]; total: number } {
  const discountBps = volumeDiscountBps(listPrices.length, tiers);
  // each line is discounted and rounded on its own, so a refund of one line returns exactly what it cost
  const prices = listPrices.map((p) => applyDiscount(p, discountBps));
  return { discountBps, prices, total: prices.reduce((s, p) => s + p, 0) };
}

export function requestFingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
