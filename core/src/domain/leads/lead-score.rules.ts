// Lead score: a 0–100 points system (kind, completeness, stated intent, freshness, minus signals)
// and the temperature derived from it.
//
//   kind               INTERESTED +30 · REGISTRATION +20 · QUICK +15 · PROMOTIONAL +10
//   completeness       valid phone +15 · valid e-mail +10 · social link +5 · preferred contact time +5
//                      each filled segment attribute +2, at most +10 in all
//   stated intent      temperature given HOT +15 · WARM +8 · COLD 0 (none given: 0)
//   freshness          captured < 24 h ago +15 · < 72 h +10 · < 7 days +5 · older 0
//   signals            −15 per WARNING issue passed in
//   result             clamped to 0..100
//
//   temperature        the one the seller stated; otherwise ≥ 70 HOT · ≥ 40 WARM · else COLD
import type { LeadIssue, LeadKind, NormalizedContact, Temperature, TLeadInput } from './lead.types';

export const KIND_POINTS: Record<LeadKind, number> = {
  INTERESTED: 30,
  REGISTRATION: 20,
  QUICK: 15,
  PROMOTIONAL: 10,
};

export const COMPLETENESS_POINTS = {
  phone: 15,
  email: 10,
  socialUrl: 5,
  preferredContactTime: 5,
  perAttribute: 2,
  attributesMax: 10,
} as const;

export const STATED_TEMPERATURE_POINTS: Record<Temperature, number> = { HOT: 15, WARM: 8, COLD: 0 };

const HOUR_MS = 3_600_000;

// Checked in order; the first age bound the lead is under wins.
export const FRESHNESS_POINTS: readonly { underHours: number; points: number }[] = [
  { underHours: 24, points: 15 },
  { underHours: 72, points: 10 },
  { underHours: 7 * 24, points: 5 },
];

export const WARNING_PENALTY = 15;
export const HOT_FROM_SCORE = 70;
export const WARM_FROM_SCORE = 40;

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function freshnessPoints(capturedAt: Date, now: Date): number {
  // A capture slightly ahead of the clock (allowed skew) counts as brand new.
  const ageHours = Math.max(now.getTime() - capturedAt.getTime(), 0) / HOUR_MS;
  if (Number.isNaN(ageHours)) return 0;
  return FRESHNESS_POINTS.find((band) => ageHours < band.underHours)?.points ?? 0;
}

/** Score derived temperature: ≥ 70 HOT, ≥ 40 WARM, else COLD. */
export function temperatureFromScore(score: number): Temperature {
  if (score >= HOT_FROM_SCORE) return 'HOT';
  if (score >= WARM_FROM_SCORE) return 'WARM';
  return 'COLD';
}

/**
 * Scores a lead from its normalized contact (only valid contact data earns points). Every
 * WARNING in `warnings` costs WARNING_PENALTY; ERRORs are ignored (they reject the lead anyway).
 * Attributes are counted as given in `input.attributes`: pass only the segment's own ones.
 */
export function scoreLead(input: TLeadInput, contact: NormalizedContact, warnings: LeadIssue[], now: Date): { score: number; temperature: Temperature } {
  let points = KIND_POINTS[input.kind] ?? 0;

  if (contact.phoneE164) points += COMPLETENESS_POINTS.phone;
  if (contact.email) points += COMPLETENESS_POINTS.email;
  if (contact.socialUrl) points += COMPLETENESS_POINTS.socialUrl;
  if (contact.preferredContactTime) points += COMPLETENESS_POINTS.preferredContactTime;
  const filledAttributes = Object.values(input.attributes ?? {}).filter(isFilled).length;
  points += Math.min(filledAttributes * COMPLETENESS_POINTS.perAttribute, COMPLETENESS_POINTS.attributesMax);

  if (input.temperature) points += STATED_TEMPERATURE_POINTS[input.temperature];
  points += freshnessPoints(input.capturedAt, now);
  points -= WARNING_PENALTY * warnings.filter((issue) => issue.severity === 'WARNING').length;

  const score = Math.min(Math.max(points, 0), 100);
  return { score, temperature: input.temperature ?? temperatureFromScore(score) };
}
