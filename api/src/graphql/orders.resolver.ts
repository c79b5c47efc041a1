// Orders, checkout, purchases and ledger balances: thin calls into the domain.
import { ledgerBalances } from '@leadex/core/domain/ledger/ledger-balances';
import { checkoutOrder } from '@leadex/core/domain/orders/checkout-order';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { loadOrder, myOrders, type OrderRow, type OrderView } from '@leadex/core/domain/orders/load-order';
import { payoutAccount } from '@leadex/core/domain/settlement/payout-account';
import { cancelOrder } from '@leadex/core/domain/orders/release-order';
import { myPurchases, mySales, updateLeadOutcome, visibleOutcomeReason, type PurchaseRow } from '@leadex/core/domain/purchases/purchases.service';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const orderResolvers = {
  Query: {
    order: async (_: unknown, a: { id: string }, ctx: GqlContext) => {
      try {
        return await loadOrder(ctx.deps, ctx.actor, a.id);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'ORDER_NOT_FOUND') return null;
        throw err;
      }
    },
    myPurchases: (_: unknown, a: { first?: number; after?: string }, ctx: GqlContext) => myPurchases(ctx.deps, ctx.actor, a),
    myOrders: (_: unknown, a: { first?: number; after?: string }, ctx: GqlContext) => myOrders(ctx.deps, ctx.actor, a),
    payoutAccount: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const p = await payoutAccount(ctx.deps, ctx.actor);
      return { ...p, payable: toMoney(p.payable.amount, p.payable.currency), minimumPayout: toMoney(p.minimumPayout.amount, p.minimumPayout.currency) };
    },
    mySales: (_: unknown, a: { first?: number; after?: string }, ctx: GqlContext) => mySales(ctx.deps, ctx.actor, a),
    ledgerBalances: async (_: unknown, __: unknown, ctx: GqlContext) =>
      (await ledgerBalances(ctx.deps, ctx.actor)).map((b) => ({ account: b.account, balance: toMoney(b.balance, b.currency) })),
  },
  Mutation: {
    createOrder: (_: unknown, a: { input: unknown; idempotencyKey?: string }, ctx: GqlContext) => createOrder(ctx.deps, ctx.actor, a.input, a.idempotencyKey),
    checkoutOrder: (_: unknown, a: { orderId: string }, ctx: GqlContext) => checkoutOrder(ctx.deps, ctx.actor, a.orderId),
    cancelOrder: (_: unknown, a: { orderId: string }, ctx: GqlContext) => cancelOrder(ctx.deps, ctx.actor, a.orderId),
    updateLeadOutcome: (_: unknown, a: { purchaseId: string; outcome: string; reason?: string }, ctx: GqlContext) =>
      updateLeadOutcome(ctx.deps, ctx.actor, a.purchaseId, a.outcome, a.reason),
  },
  Order: {
    total: (o: OrderRow) => toMoney(o.total, o.currency),
    // a listed order row has no lines loaded yet
    lines: async (o: OrderView | OrderRow, _: unknown, ctx: GqlContext) =>
      ('lines' in o ? o : await loadOrder(ctx.deps, ctx.actor, o.id)).lines.map((l) => ({ lead: l.lead, price: toMoney(l.price, o.currency) })),
  },
  OrderConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  Purchase: {
    price: (p: PurchaseRow) => toMoney(p.price, p.currency),
    lead: (p: PurchaseRow, _: unknown, ctx: GqlContext) => ctx.loaders.lead.load(p.leadId),
    outcomeReason: (p: PurchaseRow, _: unknown, ctx: GqlContext) => visibleOutcomeReason(ctx.actor, p),
  },
  Sale: {
    price: (p: PurchaseRow) => toMoney(p.price, p.currency),
    commission: (p: PurchaseRow) => toMoney(p.commission, p.currency),
    sellerNet: (p: PurchaseRow) => toMoney(p.sellerNet, p.currency),
    refunded: (p: PurchaseRow) => toMoney(p.refundedAmount, p.currency),
    lead: (p: PurchaseRow, _: unknown, ctx: GqlContext) => ctx.loaders.lead.load(p.leadId),
    disputeStatus: async (p: PurchaseRow, _: unknown, ctx: GqlContext) => (await ctx.loaders.disputeByPurchase.load(p.id))?.status ?? null,
  },
  SaleConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  PurchaseConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
};
