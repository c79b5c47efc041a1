// Orders and checkout: thin calls into the orders domain.
import { checkoutOrder } from '@leadex/core/domain/orders/checkout-order';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import {
  loadOrder,
  myOrders,
  orderLeadCount,
  orderPaidWith,
  type OrderRow,
  type OrderStatusFilter,
  type OrderView,
} from '@leadex/core/domain/orders/load-order';
import { payOrderFromWallet } from '@leadex/core/domain/orders/pay-order-from-wallet';
import { cancelOrder } from '@leadex/core/domain/orders/release-order';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const orderResolvers = {
  Query: {
    // `order` is nullable: an unknown or someone else's order reads as null rather than an error
    order: async (_: unknown, a: { id: string }, ctx: GqlContext) => {
      try {
        return await loadOrder(ctx.deps, ctx.actor, a.id);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'ORDER_NOT_FOUND') return null;
        throw err;
      }
    },
    myOrders: (_: unknown, a: { status?: OrderStatusFilter; first?: number; after?: string }, ctx: GqlContext) => myOrders(ctx.deps, ctx.actor, a),
  },
  Mutation: {
    createOrder: (_: unknown, a: { input: unknown; idempotencyKey?: string }, ctx: GqlContext) => createOrder(ctx.deps, ctx.actor, a.input, a.idempotencyKey),
    checkoutOrder: (_: unknown, a: { orderId: string }, ctx: GqlContext) => checkoutOrder(ctx.deps, ctx.actor, a.orderId, ctx.req.headers.origin),
    cancelOrder: (_: unknown, a: { orderId: string }, ctx: GqlContext) => cancelOrder(ctx.deps, ctx.actor, a.orderId),
    payOrderFromWallet: (_: unknown, a: { orderId: string; idempotencyKey?: string }, ctx: GqlContext) =>
      payOrderFromWallet(ctx.deps, ctx.actor, a.orderId, a.idempotencyKey),
  },
  Order: {
    total: (o: OrderRow) => toMoney(o.total, o.currency),
    leadCount: (o: OrderView | OrderRow, _: unknown, ctx: GqlContext) => ('lines' in o ? o.lines.length : orderLeadCount(ctx.deps, o.id)),
    paidWith: (o: OrderRow) => orderPaidWith(o),
    // a listed order row has no lines loaded yet
    lines: async (o: OrderView | OrderRow, _: unknown, ctx: GqlContext) =>
      ('lines' in o ? o : await loadOrder(ctx.deps, ctx.actor, o.id)).lines.map((l) => ({ lead: l.lead, price: toMoney(l.price, o.currency) })),
  },
  OrderConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
};
