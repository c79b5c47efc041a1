// Seller quality as a Beta-binomial estimate over every piece of evidence (docs/domain.md, Seller quality).
//
// The quantity estimated is p, the chance that this seller's next lead is a real person who asked to be
// contacted. Its belief is Beta(α, β): the prior Beta(α0, β0) = Beta(8, 2) (a new seller starts at 80, with
// the weight of only ten leads), and each piece of evidence adds its weight to α (good) or β (bad):
//
//   evidence (per lead or purchase)                  side  weight  why
//   passed every automatic check                     good  0.5     cheap checks catch only obvious fakes
//   failed an automatic check                        bad   1       a deterministic pseudo-lead signal
//   sampled provider passed (operator reached them)  good  2       a person answered: strong evidence
//     (an operator call with NO_ANSWER counts nothing: it passes the sample but proves nothing)
//   sampled provider failed (wrong number, never     bad   3       direct proof of a pseudo-lead
//     asked)
//   dispute upheld (ACCEPTED)                        bad   4       a buyer proved it and got the money back
//   dispute rejected                                 good  0.5     an operator found the complaint unfounded
//   outcome CONTACTED                                good  0.5     the person exists and picked up
//   outcome QUALIFIED                                good  1       …and really wanted what was sold
//   outcome CONVERTED                                good  2       …and bought: the best evidence there is
//   outcome LOST "refused to talk" / "never asked"   bad   2       the person denies asking to be contacted
//   outcome LOST "refused to buy", anything else     —     0       a real person who said no is the buyer's
//                                                                   business, not a pseudo-lead
//
// A purchase counts its current outcome only (one outcome per purchase), and not at all once a dispute on
// it was upheld (the dispute already counted the same finding).
//
//   qualityScore = round(100 × α / (α + β))
//   upper bound  = the 95% quantile of Beta(α, β) (exact: regularised incomplete beta, bisection)
//   suspended   ⇔ upper bound < 0.5: even the optimistic reading says most leads are bad.
//
// The weight of the belief (α + β) grows with volume, so one lead moves a seller with a long record a
// little and a new seller a lot: after 1,000 clean leads (α + β = 510) one bad lead costs 0.2 points, a new
// seller's first bad lead costs 7 (80 → 73). In the long run a seller whose leads fail the automatic checks
// at a share s sits at 100 × 0.5(1 − s) / (0.5(1 − s) + s): 91 at 5%, 82 at 10%, 50 at one in three.

export const PRIOR = { alpha: 8, beta: 2 } as const;
export const SUSPENSION_UPPER_BOUND = 0.5;
export const CREDIBLE_LEVEL = 0.95;

export const EVIDENCE_WEIGHTS = {
  automaticPassed: { side: 'good', weight: 0.5 },
  automaticFailed: { side: 'bad', weight: 1 },
  samplePassed: { side: 'good', weight: 2 },
  sampleFailed: { side: 'bad', weight: 3 },
  disputeUpheld: { side: 'bad', weight: 4 },
  disputeRejected: { side: 'good', weight: 0.5 },
  contacted: { side: 'good', weight: 0.5 },
  qualified: { side: 'good', weight: 1 },
  converted: { side: 'good', weight: 2 },
  lostDenied: { side: 'bad', weight: 2 },
} as const satisfies Record<string, { side: 'good' | 'bad'; weight: number }>;

export type EvidenceKind = keyof typeof EVIDENCE_WEIGHTS;
export type EvidenceCounts = Record<EvidenceKind, number>;

export const NO_EVIDENCE: EvidenceCounts = Object.freeze(Object.fromEntries(Object.keys(EVIDENCE_WEIGHTS).map((k) => [k, 0])) as EvidenceCounts);

// A LOST reason is free text; these phrasings say the person never wanted the call (docs/domain.md, Purchases and escrow: "refused
// to talk"), unlike "refused to buy" or "ignored the call". Written so JavaScript and PostgreSQL (`~*`) read
// it the same way: plain words, `?`, `|` and groups only.
export const DENIED_LOST_REASON =
  "refused to (talk|speak)|never (asked|requested|signed up|applied)|did ?n[o']?t (ask|request|sign up|apply)|wrong (number|person)|not interested in being contacted|no such person";

/** Whether a LOST outcome's reason counts against the seller. */
export function lostReasonDenies(reason: string | null | undefined): boolean {
  return !!reason && new RegExp(DENIED_LOST_REASON, 'i').test(reason);
}

/** The outcome's evidence kind, or null when the outcome says nothing about the lead's reality. */
export function outcomeEvidence(outcome: string, reason: string | null | undefined): EvidenceKind | null {
  if (outcome === 'CONTACTED') return 'contacted';
  if (outcome === 'QUALIFIED') return 'qualified';
  if (outcome === 'CONVERTED') return 'converted';
  if (outcome === 'LOST' && lostReasonDenies(reason)) return 'lostDenied';
  return null;
}

export interface SellerQualityEstimate {
  alpha: number;
  beta: number;
  /** α / (α + β), unrounded, 0–1 */
  mean: number;
  /** round(100 × α / (α + β)), 0–100 */
  score: number;
  /** the 95% upper credible bound of p, 0–1 */
  upperBound: number;
  /** pieces of evidence counted (not weighted) */
  evidence: number;
  suspend: boolean;
}

export function posterior(counts: Partial<EvidenceCounts>): { alpha: number; beta: number; evidence: number } {
  let alpha: number = PRIOR.alpha;
  let beta: number = PRIOR.beta;
  let evidence = 0;
  for (const [kind, rule] of Object.entries(EVIDENCE_WEIGHTS) as [EvidenceKind, (typeof EVIDENCE_WEIGHTS)[EvidenceKind]][]) {
    const n = counts[kind] ?? 0;
    if (n < 0 || !Number.isFinite(n)) throw new RangeError(`evidence count ${kind} must be a non-negative number`);
    evidence += n;
    if (rule.side === 'good') alpha += n * rule.weight;
    else beta += n * rule.weight;
  }
  return { alpha, beta, evidence };
}

export function estimateSellerQuality(counts: Partial<EvidenceCounts>): SellerQualityEstimate {
  const { alpha, beta, evidence } = posterior(counts);
  const upperBound = betaQuantile(CREDIBLE_LEVEL, alpha, beta);
  const mean = alpha / (alpha + beta);
  return { alpha, beta, mean, score: Math.round(100 * mean), upperBound, evidence, suspend: upperBound < SUSPENSION_UPPER_BOUND };
}

// ---- the Beta distribution (no statistics package is installed; these are the textbook algorithms) ----

/** ln Γ(x) for x > 0, Lanczos approximation (g = 7, 9 coefficients; ~15 significant digits). */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** The Beta(a, b) CDF at x: the regularised incomplete beta function I_x(a, b). */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // the fraction converges fast on this side of the mean; the other side uses I_x(a, b) = 1 − I_{1−x}(b, a)
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The q-quantile of Beta(a, b), by bisection on the CDF (60 halvings: far below any rounding we show). */
export function betaQuantile(q: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (betaCdf(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
