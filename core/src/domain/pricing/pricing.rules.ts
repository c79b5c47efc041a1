// The price grid arithmetic (docs/domain.md, Pricing): list price, freshness decay, volume tiers, commission, campaign math.
//
// list price = asking price if the seller set one, else
//   base(segment, subsegment, geo tier) × temperature × exclusivity × verified × freshness(age) × conversion,
// rounded half-up to the currency's charge step (a minor unit; 0.010 in the three-decimal currencies, which
// Stripe charges only in amounts ending in 0: shared/money.ts chargeStep). Freshness = max(floor, 1 − decay × whole days since capture).
// Conversion = the seller's factor in the segment from buyers' outcomes (conversion.rules.ts), 1 without outcomes.
//
// Defaults (operator-editable in `price_factors`, seeded by db reference data):
//   TEMPERATURE_COLD 0.70, TEMPERATURE_WARM 1.00, TEMPERATURE_HOT 1.40
//   EXCLUSIVITY_EXCLUSIVE 2.00, EXCLUSIVITY_SHARED 1.00
//   VERIFIED 1.00, UNVERIFIED 0.85 (unverified leads sell at a discount)
//   FRESHNESS_DAILY_DECAY 0.05, FRESHNESS_FLOOR 0.40
//   volume discounts: ≥10 leads 5%, ≥50 10%, ≥200 15%
import type { Exclusivity, GeoTier, Temperature } from '../leads/lead.types';
import { roundHalfUp, roundToStep } from '../shared/money';

export const FACTOR_NAMES = [
  'TEMPERATURE_COLD',
  'TEMPERATURE_WARM',
  'TEMPERATURE_HOT',
  'EXCLUSIVITY_EXCLUSIVE',
  'EXCLUSIVITY_SHARED',
  'VERIFIED',
  'UNVERIFIED',
  'FRESHNESS_DAILY_DECAY',
  'FRESHNESS_FLOOR',
] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];
export type PriceFactors = Record<FactorName, number>;

export const DEFAULT_FACTORS: PriceFactors = {
  TEMPERATURE_COLD: 0.7,
  TEMPERATURE_WARM: 1,
  TEMPERATURE_HOT: 1.4,
  EXCLUSIVITY_EXCLUSIVE: 2,
  EXCLUSIVITY_SHARED: 1,
  VERIFIED: 1,
  UNVERIFIED: 0.85,
  FRESHNESS_DAILY_DECAY: 0.05,
  FRESHNESS_FLOOR: 0.4,
};

export interface VolumeTier {
  minQuantity: number;
  discountBps: number;
}

export const DEFAULT_VOLUME_TIERS: VolumeTier[] = [
  { minQuantity: 10, discountBps: 500 },
  { minQuantity: 50, discountBps: 1000 },
  { minQuantity: 200, discountBps: 1500 },
];

export interface PricedLead {
  baseAmount: number; // from the grid, minor units
  temperature: Temperature;
  exclusivity: Exclusivity;
  verified: boolean;
  capturedAt: Date;
  askingPrice?: number | null;
  /** seller × segment factor from buyers' outcomes (conversion.rules.ts); 1 when absent */
  conversionFactor?: number | null;
}

const DAY_MS = 86_400_000;

export function ageInDays(capturedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - capturedAt.getTime()) / DAY_MS));
}

export function freshnessFactor(ageDays: number, factors: Pick<PriceFactors, 'FRESHNESS_DAILY_DECAY' | 'FRESHNESS_FLOOR'>): number {
  return Math.max(factors.FRESHNESS_FLOOR, 1 - factors.FRESHNESS_DAILY_DECAY * Math.max(0, ageDays));
}

/** The multiplier applied to the base price, before rounding. */
export function priceMultiplier(lead: Omit<PricedLead, 'baseAmount' | 'askingPrice'>, factors: PriceFactors, now: Date): number {
  return (
    (lead.conversionFactor ?? 1) *
    factors[`TEMPERATURE_${lead.temperature}`] *
    factors[`EXCLUSIVITY_${lead.exclusivity}`] *
    (lead.verified ? factors.VERIFIED : factors.UNVERIFIED) *
    freshnessFactor(ageInDays(lead.capturedAt, now), factors)
  );
}

/** `step`: chargeStep(currency); an asking price is taken as typed (its input is checked to be on the step). */
export function listPrice(lead: PricedLead, factors: PriceFactors, now: Date, step = 1): number {
  if (lead.askingPrice != null) return lead.askingPrice;
  return roundToStep(lead.baseAmount * priceMultiplier(lead, factors, now), step);
}

/** Grid lookup: the subsegment's own row wins over the segment-wide row (subsegment ''). */
export interface GridRow {
  segmentCode: string;
  subsegment: string;
  geoTier: string;
  baseAmount: number;
}

export function findBasePrice(grid: readonly GridRow[], segment: string, subsegment: string | null | undefined, tier: GeoTier): number | null {
  const exact = subsegment ? grid.find((r) => r.segmentCode === segment && r.subsegment === subsegment && r.geoTier === tier) : undefined;
  const general = grid.find((r) => r.segmentCode === segment && r.subsegment === '' && r.geoTier === tier);
  return (exact ?? general)?.baseAmount ?? null;
}

/** The discount (basis points) of the highest tier the quantity reaches. */
export function volumeDiscountBps(quantity: number, tiers: readonly VolumeTier[]): number {
  let best = 0;
  for (const tier of tiers) if (quantity >= tier.minQuantity && tier.discountBps > best) best = tier.discountBps;
  return best;
}

/** The price after a discount, a multiple of `step` (chargeStep(currency)) when the price is. */
export function applyDiscount(amount: number, discountBps: number, step = 1): number {
  return amount - roundToStep((amount * discountBps) / 10_000, step);
}

/** commission = round(price × rate); seller net = price − commission. */
export function splitCommission(price: number, commissionBps: number): { commission: number; sellerNet: number } {
  const commission = roundHalfUp((price * commissionBps) / 10_000);
  return { commission, sellerNet: price - commission };
}

/** Campaign arithmetic: budget = clicks × CPC, CPL = budget / leads, conversion = leads / clicks. */
export function campaignMath(clicks: number, costPerClick: number, leads: number): { budget: number; costPerLead: number; conversionRate: number } {
  const budget = clicks * costPerClick;
  return {
    budget,
    costPerLead: leads > 0 ? roundHalfUp(budget / leads) : 0,
    conversionRate: clicks > 0 ? leads / clicks : 0,
  };
}
