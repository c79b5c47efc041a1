// createOrder: reserve capacity on chosen leads (or N leads matching a filter) for the hold period.
// Capacity is counted on the lead row (sales_count + reserved_count ≤ max_sales, also a CHECK), under
// row locks taken in id order, so concurrent buyers can never oversell and never deadlock. Each buyer's
// unpaid holds are capped (hold-limits.rules.ts), counted under a per-buyer advisory lock.
import { schema, type Db } from '@leadex/db';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser } from '../auth/access';
import { loadPricing } from '../catalog/catalog.service';
import { isUniqueViolation } from '../shared/db-errors';
import { DomainError, badInput, type FieldError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { money } from '../shared/money';
import { parseInput } from '../shared/validation';
import { leadsSuppressedBy } from '../suppression/suppression-lookups';
import { loadOrder, type OrderView } from './load-order';
import { freeCapacity } from './capacity.rules';
import { holdLimitBreach } from './hold-limits.rules';
import { MATCHING_ORDER, matchingLeadConditions } from './matching-leads';
import { priceOrderLines, requestFingerprint } from './order-rules';

const { leads, orders, orderLines } = schema;

const ZCreateOrderInput = z.object({
  leadIds: z.array(z.string().trim().min(1).max(64)).min(1).nullish(),
  matching: z.unknown().optional(),
  quantity: z.number().int().min(1).nullish(),
});

type LeadRow = typeof leads.$inferSelect;

/** Lines this buyer already holds or bought among these leads. */
async function heldByBuyer(tx: Db, buyerOrgId: string, leadIds: string[]): Promise<Set<string>> {
  const rows = await tx
    .select({ leadId: orderLines.leadId })
    .from(orderLines)
    .where(and(eq(orderLines.buyerOrgId, buyerOrgId), eq(orderLines.active, true), inArray(orderLines.leadId, leadIds)));
  return new Set(rows.map((r) => r.leadId));
}

async function lockChosenLeads(deps: AppDeps, tx: Db, buyerOrgId: string, leadIds: string[], now: Date): Promise<LeadRow[]> {
  const ids = [...new Set(leadIds)].sort();
  if (ids.length !== leadIds.length) throw badInput([{ path: 'input.leadIds', message: 'a lead appears twice' }]);
  const rows = await tx.select().from(leads).where(inArray(leads.id, ids)).orderBy(asc(leads.id)).for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const held = await heldByBuyer(tx, buyerOrgId, ids);
  const ownContacts = await leadsSuppressedBy(tx, buyerOrgId, rows);
  const problems: (FieldError & { code: 'LEAD_NOT_FOUND' | 'LEAD_SOLD_OUT' | 'LEAD_ALREADY_BOUGHT' | 'ALREADY_YOUR_CONTACT' })[] = [];
  leadIds.forEach((id, i) => {
    const path = `input.leadIds[${i}]`;
    const lead = byId.get(id);
    if (!lead || lead.sellerOrgId === buyerOrgId) problems.push({ path, message: 'no such lead on the market', code: 'LEAD_NOT_FOUND' });
    else if (held.has(id)) problems.push({ path, message: 'you already hold or bought this lead', code: 'LEAD_ALREADY_BOUGHT' });
    else if (ownContacts.has(id)) problems.push({ path, message: 'this person is on your suppression list', code: 'ALREADY_YOUR_CONTACT' });
    else if (freeCapacity(lead, now) === 0) {
      problems.push({ path, message: 'sold out or no longer listed', code: 'LEAD_SOLD_OUT' });
    }
  });
  if (problems.length) {
    const code = problems.some((p) => p.code === 'LEAD_NOT_FOUND') ? 'LEAD_NOT_FOUND' : problems[0]!.code;
    throw new DomainError(
      code,
      'Some of these leads cannot be ordered',
      problems.map(({ path, message }) => ({ path, message })),
    );
  }
  return ids.map((id) => byId.get(id)!);
}

async function lockMatchingLeads(deps: AppDeps, tx: Db, buyerOrgId: string, rawFilter: unknown, quantity: number, now: Date): Promise<LeadRow[]> {
  const { conditions, needsSellerJoin } = matchingLeadConditions(deps, tx, buyerOrgId, rawFilter, now, 'input.matching');
  const base = tx.select({ lead: leads }).from(leads);
  const joined = needsSellerJoin ? base.innerJoin(schema.organizations, eq(schema.organizations.id, leads.sellerOrgId)) : base;
  // best price first, then freshest; SKIP LOCKED lets concurrent buyers take different leads instead of queueing
  const rows = await joined
    .where(and(...conditions))
    .orderBy(...MATCHING_ORDER)
    .limit(quantity)
    .for('update', { of: leads, skipLocked: true });
  if (rows.length < quantity) {
    throw new DomainError('NOT_ENOUGH_LEADS', `Only ${rows.length} leads match right now`, [
      { path: 'input.quantity', message: `only ${rows.length} available` },
    ]);
  }
  return rows.map((r) => r.lead).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Until the transaction ends, this buyer's other orders wait; other buyers never do. */
async function lockBuyerHolds(tx: Db, buyerOrgId: string): Promise<void> {
  // two racing orders of one buyer cannot both see room under the caps; no other path takes this lock, so it
  // cannot join a deadlock with the lead row locks that follow
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-buyer-holds'), hashtext(${buyerOrgId}))`);
}

/** Refuses the order when it would take the buyer past MAX_HELD_LEADS_PER_BUYER or MAX_OPEN_ORDERS_PER_BUYER. */
async function checkHoldLimits(deps: AppDeps, tx: Db, buyerOrgId: string, newLeads: number, now: Date): Promise<void> {
  const [held] = await tx
    .select({ openOrders: sql<number>`count(DISTINCT ${orders.id})::int`, heldLeads: sql<number>`count(${orderLines.leadId})::int` })
    .from(orders)
    .leftJoin(orderLines, and(eq(orderLines.orderId, orders.id), eq(orderLines.active, true)))
    .where(and(eq(orders.buyerOrgId, buyerOrgId), eq(orders.status, 'RESERVED'), gt(orders.expiresAt, now)));
  const breach = holdLimitBreach({ openOrders: Number(held?.openOrders ?? 0), heldLeads: Number(held?.heldLeads ?? 0) }, newLeads, {
    maxHeldLeads: deps.config.MAX_HELD_LEADS_PER_BUYER,
    maxOpenOrders: deps.config.MAX_OPEN_ORDERS_PER_BUYER,
  });
  if (breach) throw new DomainError(breach.code, breach.message);
}

/**
 * Reserves the leads for this buyer. With an idempotency key, the same key returns the first order again
 * (and the same key with a different request is a CONFLICT).
 */
export async function createOrder(deps: AppDeps, actor: Parameters<typeof requireUser>[0], raw: unknown, idempotencyKey?: string | null): Promise<OrderView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const input = parseInput(ZCreateOrderInput, raw);
  const max = deps.config.MAX_ORDER_LEADS;
  const byIds = !!input.leadIds?.length;
  if (byIds === (input.matching != null || input.quantity != null)) {
    throw badInput([{ path: 'input', message: 'give either leadIds, or matching with quantity' }]);
  }
  if (!byIds && (input.quantity == null || input.matching == null)) throw badInput([{ path: 'input.quantity', message: 'quantity goes with matching' }]);
  const count = byIds ? input.leadIds!.length : input.quantity!;
  if (count > max) throw badInput([{ path: byIds ? 'input.leadIds' : 'input.quantity', message: `at most ${max} leads per order` }]);
  const key = idempotencyKey?.trim() || null;
  if (key && key.length > 200) throw badInput([{ path: 'idempotencyKey', message: 'at most 200 characters' }]);
  const fingerprint = requestFingerprint({ leadIds: input.leadIds ?? null, matching: input.matching ?? null, quantity: input.quantity ?? null });

  const replay = async (): Promise<OrderView | null> => {
    if (!key) return null;
    const [existing] = await deps.db
      .select()
      .from(orders)
      .where(and(eq(orders.buyerOrgId, buyer.organizationId), eq(orders.idempotencyKey, key)));
    if (!existing) return null;
    if (existing.requestHash !== fingerprint)
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for a different order', [
        { path: 'idempotencyKey', message: 'already used for another request' },
      ]);
    return loadOrder(deps, buyer, existing.id);
  };
  const first = await replay();
  if (first) return first;

  const { volumeTiers } = await loadPricing(deps.db);
  try {
    const orderId = await deps.db.transaction(async (tx) => {
      await lockBuyerHolds(tx, buyer.organizationId);
      const now = deps.clock();
      // the same key may have committed while this request waited for the lock: a replay, never refused by the caps
      if (
        key &&
        (
          await tx
            .select({ id: orders.id })
            .from(orders)
            .where(and(eq(orders.buyerOrgId, buyer.organizationId), eq(orders.idempotencyKey, key)))
        ).length
      )
        return null;
      await checkHoldLimits(deps, tx, buyer.organizationId, count, now);
      const chosen = byIds
        ? await lockChosenLeads(deps, tx, buyer.organizationId, input.leadIds!, now)
        : await lockMatchingLeads(deps, tx, buyer.organizationId, input.matching, input.quantity!, now);
      const priced = priceOrderLines(
        chosen.map((l) => money(l.price, l.currency)),
        volumeTiers,
        deps.config.PLATFORM_CURRENCY,
      );
      const id = newId('ord');
      await tx.insert(orders).values({
        id,
        buyerOrgId: buyer.organizationId,
        buyerUserId: buyer.userId,
        status: 'RESERVED',
        total: priced.total.amount,
        currency: priced.total.currency,
        discountBps: priced.discountBps,
        expiresAt: new Date(now.getTime() + deps.config.ORDER_HOLD_MINUTES * 60_000),
        idempotencyKey: key,
        requestHash: fingerprint,
        createdAt: now,
      });
      await tx
        .insert(orderLines)
        .values(chosen.map((l, i) => ({ orderId: id, leadId: l.id, buyerOrgId: buyer.organizationId, price: priced.prices[i]!.amount })));
      await tx
        .update(leads)
        .set({ reservedCount: sql`${leads.reservedCount} + 1` })
        .where(
          inArray(
            leads.id,
            chosen.map((l) => l.id),
          ),
        );
      return id;
    });
    return orderId ? loadOrder(deps, buyer, orderId) : (await replay())!;
  } catch (err) {
    // the same key raced itself: the other request won, answer with its order
    if (key && isUniqueViolation(err, 'orders_buyer_idem_uq')) return (await replay())!;
    if (isUniqueViolation(err, 'order_lines_active_buyer_uq')) throw new DomainError('LEAD_ALREADY_BOUGHT', 'You already hold or bought one of these leads');
    throw err;
  }
}
