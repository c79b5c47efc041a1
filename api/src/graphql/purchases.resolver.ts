// Purchases (the buyer's view) and sales (the seller's view of the same rows), with their CRM outcome.
import { myPurchases, mySales, updateLeadOutcome, visibleOutcomeReason, type PurchaseRow } from '@leadex/core/domain/purchases/purchases.service';
import { searchMyPurchases } from '@leadex/core/domain/purchases/search-purchases';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

type Connection = { totalCount: () => Promise<number> };

export const purchaseResolvers = {
  Query: {
    myPurchases: (_: unknown, a: { first?: number; after?: string; filter?: unknown; sort?: string | null }, ctx: GqlContext) =>
      a.filter != null || a.sort != null ? searchMyPurchases(ctx.deps, ctx.actor, a.filter, a.sort, a) : myPurchases(ctx.deps, ctx.actor, a),
    mySales: (_: unknown, a: { first?: number; after?: string; search?: string }, ctx: GqlContext) => mySales(ctx.deps, ctx.actor, a, a.search),
  },
  Mutation: {
    updateLeadOutcome: (_: unknown, a: { purchaseId: string; outcome: string; reason?: string }, ctx: GqlContext) =>
      updateLeadOutcome(ctx.deps, ctx.actor, a.purchaseId, a.outcome, a.reason),
  },
  // a purchase or sale reached the caller through a query that already checked who may see it
  Purchase: {
    price: (p: PurchaseRow) => toMoney(p.price, p.currency),
    lead: (p: PurchaseRow, _: unknown, ctx: GqlContext) => ctx.loaders.lead.load(p.leadId),
    outcomeReason: (p: PurchaseRow, _: unknown, ctx: GqlContext) => visibleOutcomeReason(ctx.actor, p),
    dispute: (p: PurchaseRow, _: unknown, ctx: GqlContext) => ctx.loaders.disputeByPurchase.load(p.id),
  },
  Sale: {
    price: (p: PurchaseRow) => toMoney(p.price, p.currency),
    commission: (p: PurchaseRow) => toMoney(p.commission, p.currency),
    sellerNet: (p: PurchaseRow) => toMoney(p.sellerNet, p.currency),
    refunded: (p: PurchaseRow) => toMoney(p.refundedAmount, p.currency),
    lead: (p: PurchaseRow, _: unknown, ctx: GqlContext) => ctx.loaders.lead.load(p.leadId),
    disputeStatus: async (p: PurchaseRow, _: unknown, ctx: GqlContext) => (await ctx.loaders.disputeByPurchase.load(p.id))?.status ?? null,
  },
  PurchaseConnection: { totalCount: (c: Connection) => c.totalCount() },
  SaleConnection: { totalCount: (c: Connection) => c.totalCount() },
};
