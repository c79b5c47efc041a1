import { priceBreakdownOf } from './price-breakdown.rules';
import { DEFAULT_FACTORS, listPrice, priceMultiplier } from './pricing.rules';

const now = new Date('2026-12-03T12:00:00Z');
const lead = {
  temperature: 'HOT' as const,
  exclusivity: 'SHARED' as const,
  verified: false,
  capturedAt: new Date('2026-11-30T11:00:00Z'),
  askingPrice: null,
  conversionFactor: 1.1,
};

describe('priceBreakdownOf', () => {
  it('lists every factor whose product is the list price multiplier', () => {
    const b = priceBreakdownOf(lead, 2000, DEFAULT_FACTORS, now);
    const product = b.factors.reduce((p, f) => p * f.multiplier, 1);
    expect(product).toBeCloseTo(priceMultiplier(lead, DEFAULT_FACTORS, now), 10);
    expect(b.computedAmount).toBe(listPrice({ ...lead, baseAmount: 2000 }, DEFAULT_FACTORS, now));
    expect(b.factors.find((f) => f.name === 'FRESHNESS')).toEqual({ name: 'FRESHNESS', basis: '3 days old', multiplier: 0.85 });
    expect(b.factors.find((f) => f.name === 'VERIFICATION')?.basis).toBe('UNVERIFIED');
  });

  it('applies no factor to an asking price', () => {
    expect(priceBreakdownOf({ ...lead, askingPrice: 1234 }, 2000, DEFAULT_FACTORS, now)).toEqual({
      baseAmount: null,
      askingPrice: true,
      factors: [],
      computedAmount: 1234,
    });
  });

  it('reads conversion as 1 before any outcome', () => {
    const b = priceBreakdownOf({ ...lead, conversionFactor: null }, 2000, DEFAULT_FACTORS, now);
    expect(b.factors.at(-1)).toEqual({ name: 'SELLER_CONVERSION', basis: 'no outcomes yet', multiplier: 1 });
  });
});
