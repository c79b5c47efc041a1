// Segments, price quotes, the price grid editor and the campaign calculator.
import { readPriceFactors, readPriceGrid, readVolumeTiers, type PriceGridRow } from '@leadex/core/domain/catalog/read-pricing';
import { listSegments, readSegment } from '@leadex/core/domain/catalog/read-segments';
import * as pricing from '@leadex/core/domain/pricing/pricing.service';
import type { GqlContext } from './context';
import { bpsToRate, segmentView, toMoney } from './mappers';

type GridRow = Pick<PriceGridRow, 'segmentCode' | 'subsegment' | 'geoTier' | 'baseAmount' | 'currency'>;
const gridEntry = (r: GridRow) => ({
  segment: r.segmentCode,
  subsegment: r.subsegment || null,
  geoTier: r.geoTier,
  baseAmount: toMoney(r.baseAmount, r.currency),
});

export const catalogResolvers = {
  Query: {
    segments: async (_: unknown, __: unknown, ctx: GqlContext) => (await listSegments(ctx.deps)).map(segmentView),
    priceQuote: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => {
      const m = await pricing.quotePrice(ctx.deps, a.input);
      return toMoney(m.amount, m.currency);
    },
    cplCalculator: (_: unknown, a: { clicks: number; costPerClick: string; leads: number }, ctx: GqlContext) => {
      const r = pricing.calculateCampaign(ctx.deps, a.clicks, a.costPerClick, a.leads);
      return {
        budget: toMoney(r.budget.amount, r.budget.currency),
        costPerLead: toMoney(r.costPerLead.amount, r.costPerLead.currency),
        conversionRate: r.conversionRate,
      };
    },
    priceGrid: async (_: unknown, __: unknown, ctx: GqlContext) => (await readPriceGrid(ctx.deps, ctx.actor)).map(gridEntry),
    priceFactors: async (_: unknown, __: unknown, ctx: GqlContext) =>
      Object.entries(await readPriceFactors(ctx.deps, ctx.actor)).map(([name, value]) => ({ name, value: String(value) })),
    volumeTiers: async (_: unknown, __: unknown, ctx: GqlContext) =>
      (await readVolumeTiers(ctx.deps)).map((t) => ({ minQuantity: t.minQuantity, discountRate: bpsToRate(t.discountBps) })),
  },
  Mutation: {
    setPriceGrid: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => (await pricing.setPriceGrid(ctx.deps, ctx.actor, a.input)).map(gridEntry),
    setPriceFactors: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => pricing.setPriceFactors(ctx.deps, ctx.actor, a.input),
    // the mutation answers with the whole segment (subsegments included), read back after the change
    setCommissionRate: async (_: unknown, a: { segment: string; rate: string }, ctx: GqlContext) => {
      await pricing.setCommissionRate(ctx.deps, ctx.actor, a.segment, a.rate);
      return segmentView(await readSegment(ctx.deps, a.segment));
    },
  },
};
