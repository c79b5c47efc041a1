// Disputes, settlement runs and payouts: thin calls into the domain.
import { schema } from '@leadex/db';
import { desc, eq } from 'drizzle-orm';
import { requireRole, requireUser } from '@leadex/core/domain/auth/access';
import { decodeAutoCheck } from '@leadex/core/domain/disputes/dispute-recheck.rules';
import { listDisputes, type DisputeRow } from '@leadex/core/domain/disputes/list-disputes';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { resolveDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import type { PurchaseRow } from '@leadex/core/domain/purchases/purchases.service';
import { listSettlementRuns } from '@leadex/core/domain/settlement/list-settlement-runs';
import { connectPayoutAccount } from '@leadex/core/domain/settlement/payout-account';
import { runSettlement, type SettlementRunRow } from '@leadex/core/domain/settlement/run-settlement';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

type PayoutRow = typeof schema.payouts.$inferSelect;

export const disputeResolvers = {
  Query: {
    disputes: (_: unknown, a: { status?: string; first?: number; after?: string }, ctx: GqlContext) => listDisputes(ctx.deps, ctx.actor, a.status, a),
    settlementRuns: (_: unknown, a: { first?: number; after?: string }, ctx: GqlContext) => listSettlementRuns(ctx.deps, ctx.actor, a),
    myPayouts: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const seller = requireUser(ctx.actor, 'SELLER');
      return ctx.deps.db.select().from(schema.payouts).where(eq(schema.payouts.sellerOrgId, seller.organizationId)).orderBy(desc(schema.payouts.createdAt));
    },
  },
  Mutation: {
    openDispute: (_: unknown, a: { input: unknown; idempotencyKey?: string }, ctx: GqlContext) => openDispute(ctx.deps, ctx.actor, a.input, a.idempotencyKey),
    resolveDispute: (_: unknown, a: { id: string; decision: string; refundAmount?: string; note?: string }, ctx: GqlContext) =>
      resolveDispute(ctx.deps, ctx.actor, a.id, a.decision, a.refundAmount, a.note),
    runSettlement: (_: unknown, __: unknown, ctx: GqlContext) => {
      requireRole(ctx.actor, 'OPERATOR');
      return runSettlement(ctx.deps);
    },
    connectPayoutAccount: (_: unknown, __: unknown, ctx: GqlContext) => connectPayoutAccount(ctx.deps, ctx.actor),
  },
  Dispute: {
    purchase: async (d: DisputeRow, _: unknown, ctx: GqlContext) => {
      const [row] = await ctx.deps.db.select().from(schema.purchases).where(eq(schema.purchases.id, d.purchaseId));
      return row;
    },
    refund: (d: DisputeRow, _: unknown, ctx: GqlContext) => (d.refundAmount == null ? null : toMoney(d.refundAmount, ctx.deps.config.PLATFORM_CURRENCY)),
    autoCheck: (d: DisputeRow) => decodeAutoCheck(d.autoCheck)?.finding ?? null,
    // the seller sees the dispute but not the check list (it is the buyer's case and the operator's evidence)
    recheck: (d: DisputeRow, _: unknown, ctx: GqlContext) => {
      const a = ctx.actor;
      const mayRead = a && (a.role === 'OPERATOR' || (a.role === 'BUYER' && a.organizationId === d.buyerOrgId));
      return mayRead ? (decodeAutoCheck(d.autoCheck)?.checks ?? null) : null;
    },
  },
  DisputeConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  SettlementRunConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  SettlementRun: {
    maturedAmount: (r: SettlementRunRow) => toMoney(r.maturedAmount, r.currency),
    commission: (r: SettlementRunRow) => toMoney(r.commissionAmount, r.currency),
    payoutsAmount: (r: SettlementRunRow) => toMoney(r.payoutsAmount, r.currency),
  },
  Payout: { amount: (p: PayoutRow) => toMoney(p.amount, p.currency) },
  Purchase: {
    // the purchase reached the caller through a query that already checked who may see it
    dispute: (p: PurchaseRow, _: unknown, ctx: GqlContext) => ctx.loaders.disputeByPurchase.load(p.id),
  },
};
