// Ending an unpaid order: cancelled by the buyer or expired by the schedule. Its capacity goes back.
import { schema, type Db } from '@leadex/db';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { assertTransition, canTransition, fromStatuses, type TransitionActor } from '../shared/lifecycle';
import { loadOrder, type OrderRow, type OrderView } from './load-order';
import { ORDER_LIFECYCLE } from './order.lifecycle';

const { orders, orderLines, leads } = schema;

/**
 * Releases a RESERVED order's capacity; the caller holds the order row lock. Refuses (TRANSITION_NOT_ALLOWED,
 * or the caller's code) an order `by` may not move to `status`.
 */
export async function releaseReservation(
  tx: Db,
  order: OrderRow,
  status: 'CANCELLED' | 'EXPIRED',
  by: TransitionActor,
  now: Date,
  refusal?: Parameters<typeof assertTransition>[4],
): Promise<void> {
  assertTransition(ORDER_LIFECYCLE, order.status, status, by, refusal);
  const lines = await tx
    .select({ leadId: orderLines.leadId })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), eq(orderLines.active, true)));
  const ids = lines.map((l) => l.leadId).sort();
  if (ids.length) {
    // lock in id order, as createOrder does, so the two never deadlock
    await tx.select({ id: leads.id }).from(leads).where(inArray(leads.id, ids)).orderBy(asc(leads.id)).for('update');
    await tx
      .update(leads)
      .set({ reservedCount: sql`${leads.reservedCount} - 1` })
      .where(inArray(leads.id, ids));
    await tx.update(orderLines).set({ active: false }).where(eq(orderLines.orderId, order.id));
  }
  await tx.update(orders).set({ status, closedAt: now }).where(eq(orders.id, order.id));
}

/** Cancels the buyer's unpaid order; a paid, expired or already cancelled one is ORDER_NOT_CANCELLABLE. */
export async function cancelOrder(deps: AppDeps, actor: Actor | null, orderId: string): Promise<OrderView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const sessionId = await deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order || order.buyerOrgId !== buyer.organizationId) throw new DomainError('ORDER_NOT_FOUND', 'No such order');
    await releaseReservation(tx, order, 'CANCELLED', 'BUYER', deps.clock(), {
      code: 'ORDER_NOT_CANCELLABLE',
      message: `A ${order.status} order cannot be cancelled`,
    });
    return order.checkoutSessionId;
  });
  // close the checkout page too; should the buyer pay anyway, the late-payment rule applies (honour or refund)
  if (sessionId)
    await deps.stripe.checkout.sessions
      .expire(sessionId)
      .catch((err: Error) => deps.logger.warn({ orderId, err: err.message }, 'could not expire checkout session'));
  return loadOrder(deps, buyer, orderId);
}

/** Expires unpaid orders past their hold. Safe to run twice or concurrently: each order is locked and re-checked. */
export async function expireOverdueOrders(deps: AppDeps, limit = 500): Promise<number> {
  const now = deps.clock();
  const expirable = fromStatuses(ORDER_LIFECYCLE, 'EXPIRED', 'SYSTEM');
  const due = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(inArray(orders.status, expirable), lte(orders.expiresAt, now)))
    .limit(limit);
  let expired = 0;
  for (const { id } of due) {
    const done = await deps.db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, id)).for('update', { skipLocked: true });
      // paid or cancelled since the scan, or locked by that payment right now: not this sweep's to expire
      if (!order || !canTransition(ORDER_LIFECYCLE, order.status, 'EXPIRED', 'SYSTEM') || order.expiresAt > now) return false;
      await releaseReservation(tx, order, 'EXPIRED', 'SYSTEM', now);
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}
