// A buyer's prepaid wallet: its balance (a ledger account) and Stripe Checkout top-ups — thin calls into the domain.
import { myWallet } from '@leadex/core/domain/exchange/my-wallet';
import { topUpWallet } from '@leadex/core/domain/exchange/wallet.service';
import { walletTransaction, walletTransactions, type WalletTransaction } from '@leadex/core/domain/exchange/wallet-transactions';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const walletResolvers = {
  Query: {
    wallet: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const { balance } = await myWallet(ctx.deps, ctx.actor);
      return { balance: toMoney(balance.amount, balance.currency) };
    },
    walletTransactions: (_: unknown, a: { first?: number; offset?: number }, ctx: GqlContext) => walletTransactions(ctx.deps, ctx.actor, a),
    walletTransaction: (_: unknown, a: { id: string }, ctx: GqlContext) => walletTransaction(ctx.deps, ctx.actor, a.id),
  },
  WalletTransaction: {
    amount: (t: WalletTransaction) => toMoney(t.amount.amount, t.amount.currency),
    balanceAfter: (t: WalletTransaction) => toMoney(t.balanceAfter.amount, t.balanceAfter.currency),
  },
  Mutation: {
    topUpWallet: (_: unknown, a: { amount: string; idempotencyKey?: string }, ctx: GqlContext) =>
      topUpWallet(ctx.deps, ctx.actor, a.amount, a.idempotencyKey, ctx.req.headers.origin),
  },
};
