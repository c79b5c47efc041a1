import { betaCdf, betaQuantile, estimateSellerQuality, lnGamma, lostReasonDenies, outcomeEvidence, posterior } from './seller-quality.rules';

describe('the Beta distribution', () => {
  it('computes ln Γ at known points', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(101)).toBeCloseTo(363.739375555563, 9); // ln 100!
  });

  it('matches the closed forms of the CDF', () => {
    // Beta(1, 1) is uniform; Beta(a, 1) is x^a; Beta(a, 2) is x^a ((a + 1) − a x)
    for (const x of [0.01, 0.3, 0.5, 0.77, 0.99]) {
      expect(betaCdf(x, 1, 1)).toBeCloseTo(x, 12);
      expect(betaCdf(x, 3, 1)).toBeCloseTo(x ** 3, 12);
      expect(betaCdf(x, 8, 2)).toBeCloseTo(x ** 8 * (9 - 8 * x), 12);
      expect(betaCdf(x, 2.5, 7.5) + betaCdf(1 - x, 7.5, 2.5)).toBeCloseTo(1, 12);
    }
  });

  it('inverts the CDF', () => {
    expect(betaQuantile(0.95, 1, 1)).toBeCloseTo(0.95, 12);
    expect(betaQuantile(0.95, 2, 1)).toBeCloseTo(Math.sqrt(0.95), 12);
    expect(betaQuantile(0.95, 1, 2)).toBeCloseTo(1 - Math.sqrt(0.05), 12);
    // a large posterior: close to the normal approximation mean + 1.645 sd
    const [a, b] = [800, 200];
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    expect(betaQuantile(0.95, a, b)).toBeCloseTo(0.8 + 1.6449 * sd, 3);
  });
});

describe('seller quality', () => {
  it('starts a new seller at the prior: 80, with an upper bound of 0.959', () => {
    const q = estimateSellerQuality({});
    expect(q).toMatchObject({ alpha: 8, beta: 2, score: 80, evidence: 0, suspend: false });
    // Beta(8, 2): x^8 (9 − 8x) = 0.95 at x = 0.95898
    expect(q.upperBound).toBeCloseTo(0.95898, 5);
  });

  it('moves a long-standing seller less than a point for one bad lead', () => {
    const before = estimateSellerQuality({ automaticPassed: 1000 });
    const after = estimateSellerQuality({ automaticPassed: 1000, automaticFailed: 1 });
    // α = 8 + 1000 × 0.5 = 508; β = 2 → 3: 99.61 → 99.41
    expect(before).toMatchObject({ alpha: 508, beta: 2 });
    expect(after).toMatchObject({ alpha: 508, beta: 3, score: 99, evidence: 1001 });
    expect(100 * (before.mean - after.mean)).toBeCloseTo(0.195, 3);
  });

  it('moves a new seller several points for one bad lead', () => {
    // Beta(8, 3): 72.7
    const q = estimateSellerQuality({ automaticFailed: 1 });
    expect(q.score).toBe(73);
    expect(80 - 100 * q.mean).toBeGreaterThan(7);
  });

  it('does not suspend a seller with a long clean record for four bad single-lead pings', () => {
    // 200 clean leads then 4 failing their automatic checks: Beta(108, 6), 98 → 95
    const before = estimateSellerQuality({ automaticPassed: 200 });
    const after = estimateSellerQuality({ automaticPassed: 200, automaticFailed: 4 });
    expect(before.score).toBe(98);
    expect(after).toMatchObject({ alpha: 108, beta: 6, score: 95, suspend: false });
    expect(after.upperBound).toBeGreaterThan(0.97);
    // even a brand-new seller is not suspended by four: Beta(8, 6), 57, upper bound 0.776
    expect(estimateSellerQuality({ automaticFailed: 4 })).toMatchObject({ score: 57, suspend: false });
  });

  it('suspends only when the evidence is strong: a new seller needs 14 bad leads and nothing good', () => {
    expect(estimateSellerQuality({ automaticFailed: 13 }).suspend).toBe(false);
    const q = estimateSellerQuality({ automaticFailed: 14 });
    // Beta(8, 16): 33, upper bound 0.496
    expect(q).toMatchObject({ score: 33, suspend: true });
    expect(q.upperBound).toBeCloseTo(0.4964, 4);
  });

  it('suspends a seller whose evidence over many leads is mostly bad', () => {
    // 100 leads, 70 failing the automatic checks, 5 upheld disputes: Beta(23, 92), 20
    const q = estimateSellerQuality({ automaticPassed: 30, automaticFailed: 70, disputeUpheld: 5 });
    expect(q).toMatchObject({ alpha: 23, beta: 92, score: 20, evidence: 105, suspend: true });
    expect(q.upperBound).toBeLessThan(0.27);
  });

  it('weighs each kind of evidence as the table says', () => {
    expect(posterior({ samplePassed: 1, sampleFailed: 1 })).toEqual({ alpha: 10, beta: 5, evidence: 2 });
    expect(posterior({ disputeUpheld: 1, disputeRejected: 2 })).toEqual({ alpha: 9, beta: 6, evidence: 3 });
    expect(posterior({ contacted: 2, qualified: 1, converted: 1, lostDenied: 1 })).toEqual({ alpha: 12, beta: 4, evidence: 5 });
    expect(() => posterior({ automaticPassed: -1 })).toThrow(RangeError);
  });
});

describe('buyer outcomes as evidence', () => {
  it('counts the pipeline as good, a denial as bad and a refusal to buy as nothing', () => {
    expect(outcomeEvidence('NEW', null)).toBeNull();
    expect(outcomeEvidence('CONTACTED', null)).toBe('contacted');
    expect(outcomeEvidence('QUALIFIED', null)).toBe('qualified');
    expect(outcomeEvidence('CONVERTED', null)).toBe('converted');
    expect(outcomeEvidence('LOST', 'Refused to talk, hung up at once')).toBe('lostDenied');
    expect(outcomeEvidence('LOST', 'She says she never asked to be called')).toBe('lostDenied');
    expect(outcomeEvidence('LOST', "didn't request anything")).toBe('lostDenied');
    expect(outcomeEvidence('LOST', 'wrong number')).toBe('lostDenied');
    expect(outcomeEvidence('LOST', 'refused to buy: too expensive')).toBeNull();
    expect(outcomeEvidence('LOST', 'ignored the call')).toBeNull();
    expect(lostReasonDenies(null)).toBe(false);
  });
});
