// Spot-check arithmetic: how many leads of a batch to sample, which ones, and the verdict.
//
// Sample size follows acceptance sampling (ISO 2859-1 / ANSI Z1.4, general inspection level II, code
// letters by lot size), then is tightened for sellers with a bad history:
//   lot 1–8: 2 · 9–15: 3 · 16–25: 5 · 26–50: 8 · 51–90: 13 · 91–150: 20 · 151–280: 32 · 281–500: 50
//   501–1200: 80 · 1201–3200: 125 · 3201–10000: 200 · larger: 315
//   × 1 for seller quality ≥ 80, × 1.5 for 60–79, × 2 for 40–59, × 3 below 40; never more than the lot.
// Sampling is only for providers that cost something per lead (`manual`); the automatic checks run on
// every lead. Verdict (`batchVerdict`), with n leads checked, a of them failing the automatic checks, and a
// sample of s of the other n − a with f failing the sampled provider, t the segment's threshold (default 10%):
//   passes ⇔ a / n ≤ t  and  f / s ≤ t          (an empty part passes: n = 0 or s = 0)
// and the batch's estimated pseudo-lead share is a / n + (1 − a / n) × f / s.
// The seller's quality is not moved here: it is recomputed from all its evidence (seller-quality.rules.ts).
import { createHmac } from 'node:crypto';

const LOT_TABLE: [maxLot: number, sample: number][] = [
  [8, 2],
  [15, 3],
  [25, 5],
  [50, 8],
  [90, 13],
  [150, 20],
  [280, 32],
  [500, 50],
  [1200, 80],
  [3200, 125],
  [10_000, 200],
];

export function historyMultiplier(sellerQuality: number): number {
  if (sellerQuality >= 80) return 1;
  if (sellerQuality >= 60) return 1.5;
  if (sellerQuality >= 40) return 2;
  return 3;
}

export function sampleSize(lotSize: number, sellerQuality: number): number {
  if (lotSize <= 0) return 0;
  const base = LOT_TABLE.find(([max]) => lotSize <= max)?.[1] ?? 315;
  return Math.min(lotSize, Math.ceil(base * historyMultiplier(sellerQuality)));
}

/** A reproducible random sample: leads ordered by a keyed hash of (batch, lead), the first n taken. */
export function pickSample<T extends { id: string }>(items: readonly T[], n: number, batchId: string): T[] {
  const keyed = items.map((item) => ({ item, k: createHmac('sha256', batchId).update(item.id).digest('hex') }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.slice(0, n).map((x) => x.item);
}

export function batchPasses(sampled: number, failed: number, thresholdBps: number): boolean {
  if (sampled === 0) return true;
  return failed * 10_000 <= thresholdBps * sampled;
}

export interface VerdictCounts {
  /** leads the automatic checks ran on (every pending lead of the batch) */
  checked: number;
  automaticFailed: number;
  /** survivors of the automatic checks sampled for a provider that costs something */
  sampled: number;
  sampleFailed: number;
  thresholdBps: number;
}

export interface BatchVerdict {
  passed: boolean;
  automaticPassed: boolean;
  samplePassed: boolean;
  /** a / n + (1 − a / n) × f / s, 0 to 1 */
  estimatedFailedShare: number;
}

/** The batch verdict: the share failing the automatic checks and the sample's failure rate, each at or under the threshold. */
export function batchVerdict(c: VerdictCounts): BatchVerdict {
  const automaticPassed = batchPasses(c.checked, c.automaticFailed, c.thresholdBps);
  const samplePassed = batchPasses(c.sampled, c.sampleFailed, c.thresholdBps);
  const a = c.checked ? c.automaticFailed / c.checked : 0;
  const f = c.sampled ? c.sampleFailed / c.sampled : 0;
  return { passed: automaticPassed && samplePassed, automaticPassed, samplePassed, estimatedFailedShare: a + (1 - a) * f };
}
