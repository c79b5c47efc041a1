// The price breakdown (price-breakdown.rules.ts) of a page of leads: one read of the grid and the sellers' factors.
import { schema } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { loadPricing } from '../catalog/catalog.service';
import type { Exclusivity, GeoTier, Temperature } from '../leads/lead.types';
import type { LeadRow } from '../leads/submit-leads';
import { priceBreakdownOf, type PriceBreakdown } from '../pricing/price-breakdown.rules';
import { findBasePrice } from '../pricing/pricing.rules';
import { chargeStep } from '../shared/money';

const { sellerSegmentConversion: ssc } = schema;

export async function priceBreakdowns(deps: AppDeps, rows: readonly LeadRow[]): Promise<Map<string, PriceBreakdown>> {
  const out = new Map<string, PriceBreakdown>();
  if (!rows.length) return out;
  const sellers = [...new Set(rows.map((r) => r.sellerOrgId))];
  const [pricing, conversions] = await Promise.all([
    loadPricing(deps.db),
    deps.db.select({ sellerOrgId: ssc.sellerOrgId, segment: ssc.segment, factor: ssc.factor }).from(ssc).where(inArray(ssc.sellerOrgId, sellers)),
  ]);
  const factorOf = new Map(conversions.map((c) => [`${c.sellerOrgId}|${c.segment}`, Number(c.factor)]));
  const now = deps.clock();
  for (const r of rows) {
    const base = findBasePrice(pricing.grid, r.segment, r.subsegment, r.geoTier as GeoTier);
    const lead = {
      temperature: r.temperature as Temperature,
      exclusivity: r.exclusivity as Exclusivity,
      verified: r.verification === 'VERIFIED',
      capturedAt: r.capturedAt,
      askingPrice: r.askingPrice,
      conversionFactor: factorOf.get(`${r.sellerOrgId}|${r.segment}`) ?? null,
    };
    out.set(r.id, priceBreakdownOf(lead, base, pricing.factors, now, chargeStep(r.currency)));
  }
  return out;
}
