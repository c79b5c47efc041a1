// Segments, price quotes, the price grid editor and the campaign calculator.
import { requireRole } from '@leadex/core/domain/auth/access';
import { loadPricing, loadSegments } from '@leadex/core/domain/catalog/catalog.service';
import * as pricing from '@leadex/core/domain/pricing/pricing.service';
import type { GqlContext } from './context';
import { bpsToRate, toMoney } from './mappers';

type GridRow = { segmentCode: string; subsegment: string; geoTier: string; baseAmount: number; currency: string };
const gridEntry = (r: GridRow) => ({ segment: r.segmentCode, subsegment: r.subsegment || null, geoTier: r.geoTier, baseAmount: toMoney(r.baseAmount, r.currency) });

export const catalogResolvers = {
  Query: {
    segments: async (_: unknown, __: unknown, ctx: GqlContext) =>
      (await loadSegments(ctx.deps.db)).map((s) => ({ ...s, commissionRate: bpsToRate(s.commissionBps) })),
    priceQuote: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => {
      const m = await pricing.quotePrice(ctx.deps, a.input);
      return toMoney(m.amount, m.currency);
    },
    cplCalculator: (_: unknown, a: { clicks: number; costPerClick: string; leads: number }, ctx: GqlContext) => {
      const r = pricing.calculateCampaign(ctx.deps, a.clicks, a.costPerClick, a.leads);
      return { budget: toMoney(r.budget.amount, r.budget.currency), costPerLead: toMoney(r.costPerLead.amount, r.costPerLead.currency), conversionRate: r.conversionRate };
    },
    priceGrid: async (_: unknown, __: unknown, ctx: GqlContext) => {
      requireRole(ctx.actor, 'OPERATOR');
      const { grid } = await loadPricing(ctx.deps.db);
      return (grid as GridRow[]).map(gridEntry);
    },
    priceFactors: async (_: unknown, __: unknown, ctx: GqlContext) => {
      requireRole(ctx.actor, 'OPERATOR');
      const { factors } = await loadPricing(ctx.deps.db);
      return Object.entries(factors).map(([name, value]) => ({ name, value: String(value) }));
    },
    volumeTiers: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const { volumeTiers } = await loadPricing(ctx.deps.db);
      return volumeTiers.map((t) => ({ minQuantity: t.minQuantity, discountRate: bpsToRate(t.discountBps) }));
    },
  },
  Mutation: {
    setPriceGrid: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => (await pricing.setPriceGrid(ctx.deps, ctx.actor, a.input)).map(gridEntry),
    setPriceFactors: async (_: unknown, a: { input: unknown }, ctx: GqlContext) => pricing.setPriceFactors(ctx.deps, ctx.actor, a.input),
    setCommissionRate: async (_: unknown, a: { segment: string; rate: string }, ctx: GqlContext) => {
      await pricing.setCommissionRate(ctx.deps, ctx.actor, a.segment, a.rate);
      const seg = (await loadSegments(ctx.deps.db)).find((s) => s.code === a.segment.toUpperCase())!;
      return { ...seg, commissionRate: bpsToRate(seg.commissionBps) };
    },
  },
};
