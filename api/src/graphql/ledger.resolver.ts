// Ledger reads: the operator's account balances — a thin call into the ledger domain.
import { ledgerBalances } from '@leadex/core/domain/ledger/ledger-balances';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const ledgerResolvers = {
  Query: {
    ledgerBalances: async (_: unknown, __: unknown, ctx: GqlContext) =>
      (await ledgerBalances(ctx.deps, ctx.actor)).map((b) => ({ account: b.account, balance: toMoney(b.balance.amount, b.balance.currency) })),
  },
};
