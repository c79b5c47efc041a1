// The operators' searchable tables and overview (issue 15): thin calls into the domain.
import { searchLedgerAccounts, type LedgerAccountRow } from '@leadex/core/domain/ledger/search-ledger-accounts';
import { operatorOverview, type OverviewParty } from '@leadex/core/domain/operator/operator-overview';
import type { OverviewDay } from '@leadex/core/domain/operator/operator-overview.rules';
import { searchSellers } from '@leadex/core/domain/verification/search-sellers';
import { searchVerificationTasks } from '@leadex/core/domain/verification/search-verification-tasks';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

type PageArgs = { search?: string | null; first?: number | null; offset?: number | null };

const partyView = (currency: string) => (p: OverviewParty) => ({ ...p, amount: toMoney(p.amount, currency) });

export const operatorResolvers = {
  Query: {
    sellers: (_: unknown, a: PageArgs, ctx: GqlContext) => searchSellers(ctx.deps, ctx.actor, a),
    ledgerAccounts: (_: unknown, a: PageArgs, ctx: GqlContext) => searchLedgerAccounts(ctx.deps, ctx.actor, a),
    verificationTaskPage: (_: unknown, a: PageArgs & { status?: string | null }, ctx: GqlContext) => searchVerificationTasks(ctx.deps, ctx.actor, a.status, a),
    operatorOverview: async (_: unknown, a: { days: number }, ctx: GqlContext) => {
      const o = await operatorOverview(ctx.deps, ctx.actor, a.days);
      const c = o.currency;
      const moneyOf = (d: Pick<OverviewDay, 'salesAmount' | 'commission'>) => ({
        salesAmount: toMoney(d.salesAmount, c),
        commission: toMoney(d.commission, c),
      });
      return {
        days: o.days,
        since: o.since,
        currencyCode: c,
        daily: o.daily.map((d) => ({ ...d, ...moneyOf(d) })),
        totals: { ...o.totals, ...moneyOf(o.totals) },
        topSellers: o.topSellers.map(partyView(c)),
        topBuyers: o.topBuyers.map(partyView(c)),
      };
    },
  },
  LedgerAccount: {
    balance: (r: LedgerAccountRow) => toMoney(r.balance.amount, r.balance.currency),
  },
};
