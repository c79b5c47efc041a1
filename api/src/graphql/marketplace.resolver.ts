// The buyer's working views (schema/marketplace.graphql): thin calls into the marketplace, catalog and purchases domains.
import { geoCountries, geoRegions } from '@leadex/core/domain/catalog/geo-places';
import { estimateMatchingOrder } from '@leadex/core/domain/marketplace/estimate-matching-order';
import type { LeadPage } from '@leadex/core/domain/leads/browse-leads';
import type { LeadRow } from '@leadex/core/domain/leads/submit-leads';
import { updateLeadOutcomes } from '@leadex/core/domain/purchases/update-lead-outcomes';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const marketplaceResolvers = {
  Query: {
    geoCountries: (_: unknown, __: unknown, ctx: GqlContext) => geoCountries(ctx.deps, ctx.actor),
    geoRegions: (_: unknown, a: { country: string }, ctx: GqlContext) => geoRegions(ctx.deps, ctx.actor, a.country),
    matchingOrderEstimate: async (_: unknown, a: { matching?: unknown; quantity: number }, ctx: GqlContext) => {
      const e = await estimateMatchingOrder(ctx.deps, ctx.actor, a.matching, a.quantity);
      return { ...e, subtotal: toMoney(e.subtotal.amount, e.subtotal.currency), total: toMoney(e.total.amount, e.total.currency) };
    },
  },
  Mutation: {
    updateLeadOutcomes: (_: unknown, a: { purchaseIds: string[]; outcome: string; reason?: string | null }, ctx: GqlContext) =>
      updateLeadOutcomes(ctx.deps, ctx.actor, a),
  },
  LeadConnection: {
    // myListings pages have no capped count of their own: the exact one is cheap for one seller
    totalCountCapped: async (c: Partial<LeadPage> & { totalCount: () => Promise<number> }) =>
      c.totalCountCapped ? c.totalCountCapped() : { count: await c.totalCount(), capped: false },
  },
  Lead: {
    myStanding: async (l: LeadRow, _: unknown, ctx: GqlContext) =>
      ctx.actor?.role === 'BUYER' ? ctx.loaders.leadStanding.load(`${ctx.actor.organizationId}|${l.id}`) : 'NONE',
    sellerRecord: (l: LeadRow, _: unknown, ctx: GqlContext) => ctx.loaders.sellerRecord.load(`${l.sellerOrgId}|${l.segment}`),
    consentSummary: async (l: LeadRow, _: unknown, ctx: GqlContext) => {
      const certificate = await ctx.loaders.certificateOfLead.load(l.id);
      return { recorded: !!l.contactSealed && !l.erasedAt, certified: !!certificate, certificateVerified: !!certificate?.verified };
    },
    priceBreakdown: async (l: LeadRow, _: unknown, ctx: GqlContext) => {
      const b = await ctx.loaders.priceBreakdown.load(l);
      return {
        base: b.baseAmount == null ? null : toMoney(b.baseAmount, l.currency),
        askingPrice: b.askingPrice,
        factors: b.factors,
        computed: toMoney(b.computedAmount, l.currency),
      };
    },
  },
};
