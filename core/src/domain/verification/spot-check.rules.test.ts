import { batchPasses, batchVerdict, pickSample, sampleSize } from './spot-check.rules';

describe('spot-check sample size', () => {
  it('follows the acceptance-sampling table for a good seller', () => {
    expect(sampleSize(1, 90)).toBe(1);
    expect(sampleSize(8, 90)).toBe(2);
    expect(sampleSize(9, 90)).toBe(3);
    expect(sampleSize(500, 90)).toBe(50);
    expect(sampleSize(10_000, 90)).toBe(200);
    expect(sampleSize(20_000, 90)).toBe(315);
  });
  it('samples more from sellers with a bad history, never more than the batch', () => {
    expect(sampleSize(500, 70)).toBe(75);
    expect(sampleSize(500, 50)).toBe(100);
    expect(sampleSize(500, 10)).toBe(150);
    expect(sampleSize(3, 10)).toBe(3);
  });
});

describe('sample selection', () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ id: `lead_${i}` }));
  it('is reproducible for a batch and differs between batches', () => {
    expect(pickSample(items, 5, 'bat_a')).toEqual(pickSample(items, 5, 'bat_a'));
    expect(pickSample(items, 5, 'bat_a')).not.toEqual(pickSample(items, 5, 'bat_b'));
    expect(new Set(pickSample(items, 50, 'bat_a').map((x) => x.id)).size).toBe(50);
  });
});

describe('verdict', () => {
  it('passes at the threshold and fails above it', () => {
    expect(batchPasses(20, 2, 1000)).toBe(true);
    expect(batchPasses(20, 3, 1000)).toBe(false);
    expect(batchPasses(0, 0, 1000)).toBe(true);
  });
});

describe('batch verdict over the automatic checks and the sample', () => {
  const counts = { checked: 40, automaticFailed: 0, sampled: 0, sampleFailed: 0, thresholdBps: 1000 };
  it('passes while the share failing the automatic checks is at or under the threshold', () => {
    expect(batchVerdict({ ...counts, automaticFailed: 4 })).toMatchObject({ passed: true, automaticPassed: true, estimatedFailedShare: 0.1 });
    expect(batchVerdict({ ...counts, automaticFailed: 5 })).toMatchObject({ passed: false, automaticPassed: false, samplePassed: true });
  });
  it('also needs the sample of a costly provider at or under the threshold', () => {
    // 3 of 40 fail the automatic checks (7.5%), then 1 of the 8 sampled survivors fails the call (12.5%)
    const v = batchVerdict({ ...counts, automaticFailed: 3, sampled: 8, sampleFailed: 1 });
    expect(v).toMatchObject({ passed: false, automaticPassed: true, samplePassed: false });
    expect(v.estimatedFailedShare).toBeCloseTo(0.075 + 0.925 * 0.125, 10);
    expect(batchVerdict({ ...counts, automaticFailed: 3, sampled: 10, sampleFailed: 1 }).passed).toBe(true);
  });
  it('passes an empty batch and estimates the share of pseudo-leads', () => {
    expect(batchVerdict({ ...counts, checked: 0 }).passed).toBe(true);
    expect(batchVerdict({ ...counts, automaticFailed: 20 }).estimatedFailedShare).toBe(0.5);
  });
});
