import { conversionFactor, conversionRate, segmentAverageRate, segmentConversionFactors } from './conversion.rules';

describe('conversion rate', () => {
  it('counts CONVERTED over every reported outcome', () => {
    expect(conversionRate({ outcomes: 240, conversions: 29 })).toBeCloseTo(0.1208, 4);
    expect(conversionRate({ outcomes: 0, conversions: 0 })).toBe(0);
  });

  it('pools the segment average over all sellers', () => {
    expect(
      segmentAverageRate([
        { outcomes: 100, conversions: 30 },
        { outcomes: 300, conversions: 30 },
      ]),
    ).toBe(0.15);
  });
});

describe('conversion factor', () => {
  it('is exactly 1 without outcomes', () => {
    expect(conversionFactor({ outcomes: 0, conversions: 0 }, 0.2)).toBe(1);
  });

  it('is 1 for a seller converting at the segment average', () => {
    expect(conversionFactor({ outcomes: 50, conversions: 10 }, 0.2)).toBe(1);
  });

  it('shrinks a few outcomes toward the average', () => {
    // 2 of 2 converted, average 10%: shrunk = (2 + 20 × 0.1) / 22 = 0.1818…, factor 1.0818
    expect(conversionFactor({ outcomes: 2, conversions: 2 }, 0.1)).toBe(1.0818);
  });

  it('moves with many outcomes and stays within the bounds', () => {
    // 60 of 180, average 20%: shrunk = (60 + 4) / 200 = 0.32, factor 1.12
    expect(conversionFactor({ outcomes: 180, conversions: 60 }, 0.2)).toBe(1.12);
    // 0 of 180, average 20%: shrunk = 4 / 200 = 0.02, 1 − 0.18 = 0.82 → lower bound 0.90
    expect(conversionFactor({ outcomes: 180, conversions: 0 }, 0.2)).toBe(0.9);
    // 180 of 180, average 20%: shrunk = 184 / 200 = 0.92, 1.72 → upper bound 1.20
    expect(conversionFactor({ outcomes: 180, conversions: 180 }, 0.2)).toBe(1.2);
  });

  it('honours other settings', () => {
    expect(conversionFactor({ outcomes: 180, conversions: 60 }, 0.2, { PRIOR_OUTCOMES: 0, SENSITIVITY: 0.5, FACTOR_MIN: 0.95, FACTOR_MAX: 1.05 })).toBe(1.05);
  });

  it('prices every seller of a segment against the pooled average', () => {
    // pooled 40 / 200 = 20%; A: (30 + 4) / 120 = 0.2833 → 1.0833; B: (10 + 4) / 120 = 0.1167 → 0.9167
    const out = segmentConversionFactors([
      { seller: 'A', outcomes: 100, conversions: 30 },
      { seller: 'B', outcomes: 100, conversions: 10 },
    ]);
    expect(out.map((r) => [r.seller, r.factor])).toEqual([
      ['A', 1.0833],
      ['B', 0.9167],
    ]);
  });
});
