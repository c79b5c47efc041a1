// How a lead's list price is made (pricing.rules.ts), factor by factor, for the buyer's lead drawer.
import type { Exclusivity, Temperature } from '../leads/lead.types';
import { ageInDays, freshnessFactor, listPrice, type PriceFactors } from './pricing.rules';

export interface BreakdownFactor {
  /** TEMPERATURE, EXCLUSIVITY, VERIFICATION, FRESHNESS, SELLER_CONVERSION */
  name: string;
  /** the factor's own setting, e.g. TEMPERATURE_HOT, EXCLUSIVITY_SHARED, UNVERIFIED, "3 days old" */
  basis: string;
  multiplier: number;
}

export interface PriceBreakdown {
  /** the grid's base price in minor units; null when the seller set an asking price (no factor applies) */
  baseAmount: number | null;
  askingPrice: boolean;
  factors: BreakdownFactor[];
  /** the price the factors give now, in minor units */
  computedAmount: number;
}

export interface BreakdownLead {
  temperature: Temperature;
  exclusivity: Exclusivity;
  verified: boolean;
  capturedAt: Date;
  askingPrice: number | null;
  conversionFactor: number | null;
}

export function priceBreakdownOf(lead: BreakdownLead, baseAmount: number | null, factors: PriceFactors, now: Date, step = 1): PriceBreakdown {
  if (lead.askingPrice != null) return { baseAmount: null, askingPrice: true, factors: [], computedAmount: lead.askingPrice };
  const days = ageInDays(lead.capturedAt, now);
  const list: BreakdownFactor[] = [
    { name: 'TEMPERATURE', basis: `TEMPERATURE_${lead.temperature}`, multiplier: factors[`TEMPERATURE_${lead.temperature}`] },
    { name: 'EXCLUSIVITY', basis: `EXCLUSIVITY_${lead.exclusivity}`, multiplier: factors[`EXCLUSIVITY_${lead.exclusivity}`] },
    { name: 'VERIFICATION', basis: lead.verified ? 'VERIFIED' : 'UNVERIFIED', multiplier: lead.verified ? factors.VERIFIED : factors.UNVERIFIED },
    { name: 'FRESHNESS', basis: `${days} ${days === 1 ? 'day' : 'days'} old`, multiplier: freshnessFactor(days, factors) },
    { name: 'SELLER_CONVERSION', basis: lead.conversionFactor == null ? 'no outcomes yet' : 'outcomes in the segment', multiplier: lead.conversionFactor ?? 1 },
  ];
  const computedAmount = baseAmount == null ? 0 : listPrice({ ...lead, baseAmount, askingPrice: null }, factors, now, step);
  return { baseAmount, askingPrice: false, factors: list, computedAmount };
}
