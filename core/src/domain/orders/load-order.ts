// Reading an order with its lines: the buyer who placed it, or an operator.
import { schema } from '@leadex/db';
import { and, count, desc, eq, gt, lte, or, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireActor, requireUser, type Actor } from '../auth/access';
import { newestFirstPage, type Page, type PageArgs } from '../shared/newest-first-page';
import { DomainError } from '../shared/domain-error';

export type OrderRow = typeof schema.orders.$inferSelect;
export type OrderView = OrderRow & { lines: { lead: typeof schema.leads.$inferSelect; price: number }[] };

export async function loadOrder(deps: AppDeps, actor: Actor | null, id: string): Promise<OrderView> {
  const a = requireActor(actor);
  const [order] = await deps.db.select().from(schema.orders).where(eq(schema.orders.id, id));
  if (!order || (a.role !== 'OPERATOR' && order.buyerOrgId !== a.organizationId)) throw new DomainError('ORDER_NOT_FOUND', 'No such order');
  const lines = await deps.db
    .select({ lead: schema.leads, price: schema.orderLines.price })
    .from(schema.orderLines)
    .innerJoin(schema.leads, eq(schema.leads.id, schema.orderLines.leadId))
    .where(eq(schema.orderLines.orderId, id))
    .orderBy(schema.leads.id);
  return { ...order, lines };
}

export type OrderStatusFilter = 'RESERVED' | 'PAID' | 'EXPIRED' | 'CANCELLED';

// a reserved order whose hold has ended is expired to the buyer, even before the sweep marks it
function statusFilter(status: OrderStatusFilter | null | undefined, now: Date): SQL | undefined {
  const o = schema.orders;
  if (status === 'RESERVED') return and(eq(o.status, 'RESERVED'), gt(o.expiresAt, now));
  if (status === 'EXPIRED') return or(eq(o.status, 'EXPIRED'), and(eq(o.status, 'RESERVED'), lte(o.expiresAt, now)));
  return status ? eq(o.status, status) : undefined;
}

/** The buyer's orders, newest first, optionally of one status (to get back to an unpaid one). */
export async function myOrders(deps: AppDeps, actor: Actor | null, args: PageArgs & { status?: OrderStatusFilter | null }): Promise<Page<OrderRow>> {
  const buyer = requireUser(actor, 'BUYER');
  const mine = and(eq(schema.orders.buyerOrgId, buyer.organizationId), statusFilter(args.status, deps.clock()));
  return newestFirstPage<OrderRow>(
    args,
    { time: schema.orders.createdAt, id: schema.orders.id },
    (o) => o.createdAt,
    (after, limit) => deps.db.select().from(schema.orders).where(and(mine, after)).orderBy(desc(schema.orders.createdAt), desc(schema.orders.id)).limit(limit),
    async () => Number((await deps.db.select({ n: count() }).from(schema.orders).where(mine))[0]!.n),
  );
}

/** How many leads an order holds or bought. */
export async function orderLeadCount(deps: AppDeps, orderId: string): Promise<number> {
  const [row] = await deps.db.select({ n: count() }).from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId));
  return Number(row?.n ?? 0);
}

/** How a paid order was paid: by card (a Stripe payment intent) or from the wallet (a wallet payment, a campaign win). */
export function orderPaidWith(o: Pick<OrderRow, 'paidAt' | 'paymentIntentId' | 'status'>): 'CARD' | 'WALLET' | null {
  if (o.status !== 'PAID' || !o.paidAt) return null;
  return o.paymentIntentId ? 'CARD' : 'WALLET';
}
