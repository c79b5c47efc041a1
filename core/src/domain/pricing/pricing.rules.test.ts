import {
  DEFAULT_FACTORS,
  DEFAULT_VOLUME_TIERS,
  applyDiscount,
  campaignMath,
  findBasePrice,
  freshnessFactor,
  listPrice,
  splitCommission,
  volumeDiscountBps,
} from './pricing.rules';

const now = new Date('2026-11-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('list price', () => {
  it('multiplies the base by temperature, exclusivity, verification and freshness', () => {
    // 2500 × 1.4 (HOT) × 2 (EXCLUSIVE) × 1 (VERIFIED) × 1 (fresh) = 7000
    expect(listPrice({ baseAmount: 2500, temperature: 'HOT', exclusivity: 'EXCLUSIVE', verified: true, capturedAt: now }, DEFAULT_FACTORS, now)).toBe(7000);
  });

  it('discounts unverified leads', () => {
    // 1000 × 1 × 1 × 0.85 = 850
    expect(listPrice({ baseAmount: 1000, temperature: 'WARM', exclusivity: 'SHARED', verified: false, capturedAt: now }, DEFAULT_FACTORS, now)).toBe(850);
  });

  it('rounds half up to a minor unit', () => {
    // 1005 × 0.7 = 703.5 → 704
    expect(listPrice({ baseAmount: 1005, temperature: 'COLD', exclusivity: 'SHARED', verified: true, capturedAt: now }, DEFAULT_FACTORS, now)).toBe(704);
  });

  it('rounds half up to the charge step when it is not one minor unit (three-decimal currencies)', () => {
    const now = new Date();
    // 12345 × 1 = 12345 thousandths → 12.350; 17635 × 0.7 = 12344.5 → 12.340 (not 12.345 → 12.350: one rounding)
    expect(listPrice({ baseAmount: 12_345, temperature: 'WARM', exclusivity: 'SHARED', verified: true, capturedAt: now }, DEFAULT_FACTORS, now, 10)).toBe(
      12_350,
    );
    expect(listPrice({ baseAmount: 17_635, temperature: 'COLD', exclusivity: 'SHARED', verified: true, capturedAt: now }, DEFAULT_FACTORS, now, 10)).toBe(
      12_340,
    );
    expect(listPrice({ baseAmount: 12_345, temperature: 'WARM', exclusivity: 'SHARED', verified: true, capturedAt: now }, DEFAULT_FACTORS, now)).toBe(12_345);
  });

  it('uses the asking price when the seller set one', () => {
    expect(
      listPrice(
        { baseAmount: 1000, temperature: 'HOT', exclusivity: 'EXCLUSIVE', verified: true, capturedAt: daysAgo(5), askingPrice: 1234 },
        DEFAULT_FACTORS,
        now,
      ),
    ).toBe(1234);
  });

  it('decays by whole days down to the floor', () => {
    expect(freshnessFactor(0, DEFAULT_FACTORS)).toBe(1);
    expect(freshnessFactor(1, DEFAULT_FACTORS)).toBeCloseTo(0.95);
    expect(freshnessFactor(12, DEFAULT_FACTORS)).toBeCloseTo(0.4);
    expect(freshnessFactor(30, DEFAULT_FACTORS)).toBe(0.4);
    // 23 hours old is still day 0
    expect(
      listPrice(
        { baseAmount: 1000, temperature: 'WARM', exclusivity: 'SHARED', verified: true, capturedAt: new Date(now.getTime() - 23 * 3_600_000) },
        DEFAULT_FACTORS,
        now,
      ),
    ).toBe(1000);
    expect(listPrice({ baseAmount: 1000, temperature: 'WARM', exclusivity: 'SHARED', verified: true, capturedAt: daysAgo(2) }, DEFAULT_FACTORS, now)).toBe(900);
  });
});

describe('grid lookup', () => {
  const grid = [
    { segmentCode: 'FINANCE', subsegment: '', geoTier: 'TIER_1', baseAmount: 3000 },
    { segmentCode: 'FINANCE', subsegment: 'MORTGAGE', geoTier: 'TIER_1', baseAmount: 6000 },
  ];
  it('prefers the subsegment row and falls back to the segment row', () => {
    expect(findBasePrice(grid, 'FINANCE', 'MORTGAGE', 'TIER_1')).toBe(6000);
    expect(findBasePrice(grid, 'FINANCE', 'LOAN', 'TIER_1')).toBe(3000);
    expect(findBasePrice(grid, 'FINANCE', null, 'TIER_1')).toBe(3000);
    expect(findBasePrice(grid, 'FINANCE', null, 'TIER_2')).toBeNull();
  });
});

describe('volume tiers', () => {
  it('applies the highest tier reached', () => {
    expect(volumeDiscountBps(9, DEFAULT_VOLUME_TIERS)).toBe(0);
    expect(volumeDiscountBps(10, DEFAULT_VOLUME_TIERS)).toBe(500);
    expect(volumeDiscountBps(49, DEFAULT_VOLUME_TIERS)).toBe(500);
    expect(volumeDiscountBps(50, DEFAULT_VOLUME_TIERS)).toBe(1000);
    expect(volumeDiscountBps(200, DEFAULT_VOLUME_TIERS)).toBe(1500);
    expect(applyDiscount(1999, 500)).toBe(1899); // 99.95 → 100 off
    expect(applyDiscount(19_990, 500, 10)).toBe(18_990); // 999.5 → 1000 off, on the step
    expect(applyDiscount(12_340, 500, 10)).toBe(11_720); // 617 → 620 off
  });
});

describe('commission', () => {
  it('takes a rounded share and leaves the rest to the seller', () => {
    expect(splitCommission(1000, 2000)).toEqual({ commission: 200, sellerNet: 800 });
    expect(splitCommission(1003, 2000)).toEqual({ commission: 201, sellerNet: 802 }); // 200.6 → 201
    expect(splitCommission(0, 2000)).toEqual({ commission: 0, sellerNet: 0 });
  });
});

describe('campaign calculator', () => {
  it('computes budget, cost per lead and conversion', () => {
    expect(campaignMath(1000, 50, 40)).toEqual({ budget: 50_000, costPerLead: 1250, conversionRate: 0.04 });
    expect(campaignMath(0, 50, 0)).toEqual({ budget: 0, costPerLead: 0, conversionRate: 0 });
  });
});
