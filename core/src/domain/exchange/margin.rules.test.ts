import fc from 'fast-check';
import { marginOn, marginPolicyOf, splitExchangeSale, type MarginPolicy } from './margin.rules';

describe('exchange margin', () => {
  it('takes nothing, a fixed amount, or a percentage of the buyer price', () => {
    expect(marginOn(10_000, { kind: 'NONE', value: 500 })).toBe(0);
    expect(marginOn(10_000, { kind: 'FIXED', value: 500 })).toBe(500);
    expect(marginOn(10_000, { kind: 'PERCENT', value: 1_250 })).toBe(1_250);
    // 12.5% of 99.99 = 12.49875 → 12.50 (half-up)
    expect(marginOn(9_999, { kind: 'PERCENT', value: 1_250 })).toBe(1_250);
  });
  it('never takes more than the price', () => {
    expect(marginOn(300, { kind: 'FIXED', value: 500 })).toBe(300);
    expect(marginOn(300, { kind: 'PERCENT', value: 10_000 })).toBe(300);
  });
  it('rounds a percentage to the charge step (three-decimal currencies)', () => {
    // 10% of 12.345 TND = 1.2345 → 1.230
    expect(marginOn(12_345, { kind: 'PERCENT', value: 1_000 }, 10)).toBe(1_230);
    // 15% of 12.340 = 1.851 → 1.850
    expect(marginOn(12_340, { kind: 'PERCENT', value: 1_500 }, 10)).toBe(1_850);
  });
  it('carves the margin off before the commission: P = 100.00, 10% margin, 20% commission', () => {
    // M = 10.00; commission on 90.00 = 18.00; the seller gets 72.00; the platform keeps 28.00
    expect(splitExchangeSale(10_000, 2_000, { kind: 'PERCENT', value: 1_000 })).toEqual({ price: 10_000, margin: 1_000, commission: 2_800, sellerNet: 7_200 });
    // fixed 5.00 on 60.01 at 20%: commission on 55.01 = 11.002 → 11.00; seller 44.01
    expect(splitExchangeSale(6_001, 2_000, { kind: 'FIXED', value: 500 })).toEqual({ price: 6_001, margin: 500, commission: 1_600, sellerNet: 4_401 });
    // no margin: the plain commission split
    expect(splitExchangeSale(6_001, 2_000, { kind: 'NONE', value: 0 })).toEqual({ price: 6_001, margin: 0, commission: 1_200, sellerNet: 4_801 });
  });
  it('always adds up: commission + seller net = price, margin ≤ commission, nothing negative', () => {
    const policy: fc.Arbitrary<MarginPolicy> = fc.oneof(
      fc.record({ kind: fc.constant('NONE' as const), value: fc.constant(0) }),
      fc.record({ kind: fc.constant('FIXED' as const), value: fc.integer({ min: 0, max: 1_000_000 }) }),
      fc.record({ kind: fc.constant('PERCENT' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), policy, fc.constantFrom(1, 10), (price, bps, p, step) => {
        const s = splitExchangeSale(price, bps, p, step);
        expect(s.commission + s.sellerNet).toBe(price);
        expect(s.margin).toBeGreaterThanOrEqual(0);
        expect(s.margin).toBeLessThanOrEqual(s.commission);
        expect(s.sellerNet).toBeGreaterThanOrEqual(0);
        if (p.kind === 'PERCENT' && price % step === 0) expect(s.margin % step).toBe(0);
      }),
    );
  });
  it('reads an unknown stored kind as no margin', () => {
    expect(marginPolicyOf('PERCENT', 250)).toEqual({ kind: 'PERCENT', value: 250 });
    expect(marginPolicyOf('BOGUS', 250)).toEqual({ kind: 'NONE', value: 0 });
  });
});
