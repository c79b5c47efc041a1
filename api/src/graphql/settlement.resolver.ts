// Settlement: runs (operators), payouts and the payout account (sellers) — thin calls into the settlement domain.
import { myPayouts, type PayoutRow } from '@leadex/core/domain/settlement/list-payouts';
import { listSettlementRuns } from '@leadex/core/domain/settlement/list-settlement-runs';
import { connectPayoutAccount, payoutAccount } from '@leadex/core/domain/settlement/payout-account';
import { requestSettlementRun } from '@leadex/core/domain/settlement/request-settlement-run';
import type { SettlementRunRow } from '@leadex/core/domain/settlement/run-settlement';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const settlementResolvers = {
  Query: {
    settlementRuns: (_: unknown, a: { first?: number; after?: string }, ctx: GqlContext) => listSettlementRuns(ctx.deps, ctx.actor, a),
    myPayouts: (_: unknown, __: unknown, ctx: GqlContext) => myPayouts(ctx.deps, ctx.actor),
    payoutAccount: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const p = await payoutAccount(ctx.deps, ctx.actor);
      return { ...p, payable: toMoney(p.payable.amount, p.payable.currency), minimumPayout: toMoney(p.minimumPayout.amount, p.minimumPayout.currency) };
    },
  },
  Mutation: {
    runSettlement: (_: unknown, __: unknown, ctx: GqlContext) => requestSettlementRun(ctx.deps, ctx.actor),
    connectPayoutAccount: (_: unknown, __: unknown, ctx: GqlContext) => connectPayoutAccount(ctx.deps, ctx.actor, ctx.req.headers.origin),
  },
  SettlementRunConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  SettlementRun: {
    maturedAmount: (r: SettlementRunRow) => toMoney(r.maturedAmount, r.currency),
    commission: (r: SettlementRunRow) => toMoney(r.commissionAmount, r.currency),
    payoutsAmount: (r: SettlementRunRow) => toMoney(r.payoutsAmount, r.currency),
  },
  Payout: { amount: (p: PayoutRow) => toMoney(p.amount, p.currency) },
};
