// Disputes: opening, resolving, listing, and the Dispute fields — thin calls into the disputes domain.
import { mayReadReplacement, recheckFindingOf, visibleRecheck, visibleSellerResponse } from '@leadex/core/domain/disputes/dispute-view.rules';
import { listDisputes, type DisputeRow } from '@leadex/core/domain/disputes/list-disputes';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { resolveDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { respondToDispute } from '@leadex/core/domain/disputes/respond-to-dispute';
import { returnPolicyFor, returnPolicySettings, setBuyerReturnPolicy, setReturnPolicy } from '@leadex/core/domain/disputes/return-policies.service';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const disputeResolvers = {
  Query: {
    disputes: (_: unknown, a: { status?: string; first?: number; after?: string; search?: string }, ctx: GqlContext) =>
      listDisputes(ctx.deps, ctx.actor, a.status, a),
    returnPolicy: (_: unknown, a: { segment: string; buyerOrgId?: string }, ctx: GqlContext) => returnPolicyFor(ctx.deps, ctx.actor, a.segment, a.buyerOrgId),
    returnPolicySettings: (_: unknown, a: { segment?: string; buyerOrgId?: string }, ctx: GqlContext) => returnPolicySettings(ctx.deps, ctx.actor, a),
  },
  Mutation: {
    openDispute: (_: unknown, a: { input: unknown; idempotencyKey?: string }, ctx: GqlContext) => openDispute(ctx.deps, ctx.actor, a.input, a.idempotencyKey),
    resolveDispute: (_: unknown, a: { id: string; decision: string; refundAmount?: string; note?: string }, ctx: GqlContext) =>
      resolveDispute(ctx.deps, ctx.actor, a.id, a.decision, a.refundAmount, a.note),
    respondToDispute: (_: unknown, a: { id: string; evidence: string }, ctx: GqlContext) => respondToDispute(ctx.deps, ctx.actor, a.id, a.evidence),
    setReturnPolicy: (_: unknown, a: { segment: string; input: unknown }, ctx: GqlContext) => setReturnPolicy(ctx.deps, ctx.actor, a.segment, a.input),
    setBuyerReturnPolicy: (_: unknown, a: { buyerOrgId: string; input: unknown }, ctx: GqlContext) =>
      setBuyerReturnPolicy(ctx.deps, ctx.actor, a.buyerOrgId, a.input),
  },
  Dispute: {
    // the dispute reached the caller through a query that already checked who may see it (and so its purchase)
    purchase: (d: DisputeRow, _: unknown, ctx: GqlContext) => ctx.loaders.purchase.load(d.purchaseId),
    refund: (d: DisputeRow, _: unknown, ctx: GqlContext) => (d.refundAmount == null ? null : toMoney(d.refundAmount, ctx.deps.config.PLATFORM_CURRENCY)),
    autoCheck: (d: DisputeRow) => recheckFindingOf(d),
    recheck: (d: DisputeRow, _: unknown, ctx: GqlContext) => visibleRecheck(ctx.actor, d),
    sellerResponse: (d: DisputeRow, _: unknown, ctx: GqlContext) => visibleSellerResponse(ctx.actor, d),
    sellerRespondedAt: (d: DisputeRow, _: unknown, ctx: GqlContext) => (visibleSellerResponse(ctx.actor, d) == null ? null : d.sellerRespondedAt),
    replacement: (d: DisputeRow, _: unknown, ctx: GqlContext) =>
      d.replacementPurchaseId && mayReadReplacement(ctx.actor, d) ? ctx.loaders.purchase.load(d.replacementPurchaseId) : null,
  },
  DisputeConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
};
