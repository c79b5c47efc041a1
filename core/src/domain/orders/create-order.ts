// createOrder: reserve capacity on chosen leads (or N leads matching a filter) for the hold period.
// Capacity is counted on the lead row (sales_count + reserved_count ≤ max_sales, also a CHECK), under
// row locks taken in id order, so concurrent buyers can never oversell and never deadlock. Each buyer's
// unpaid holds are capped (hold-limits.rules.ts), counted under a per-buyer advisory lock.
import { schema, type Db } from '@leadex/db';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser } from '../auth/access';
import { catalogVersionIn } from '../catalog/catalog-cache';
import { loadPricingAt } from '../catalog/catalog.service';
import { isUniqueViolation } from '../shared/db-errors';
import { DomainError, badInput, type FieldError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { money } from '../shared/money';
import { parseInput } from '../shared/validation';
import { inOneRoundTrip, lazy } from '../shared/one-round-trip';
import { loadOrder, type OrderRow, type OrderView } from './load-order';
import { freeCapacity } from './capacity.rules';
import { holdLimitBreach, type BuyerHolds } from './hold-limits.rules';
import { MATCHING_ORDER, matchingLeadConditions } from './matching-leads';
import { JUDGED, buyerHoldsRow, lockChosenLeadsById, reserveOrder, type JudgedLead, type OrderInsert } from './purchase-statements';
import { priceOrderLines, requestFingerprint } from './order-rules';

const { leads, orders } = schema;

const ZCreateOrderInput = z.object({
  leadIds: z.array(z.string().trim().min(1).max(64)).min(1).nullish(),
  matching: z.unknown().optional(),
  quantity: z.number().int().min(1).nullish(),
});

type LeadRow = JudgedLead;

/** What judges the chosen leads: the rows (locked), and whether the buyer holds or suppressed each. */
interface ChosenLookups {
  rows: LeadRow[];
  held: Set<string>;
  ownContacts: Set<string>;
}

/**
 * Locks the chosen leads in id order, with what judges them read by the same statement (purchase-statements.ts
 * says why its snapshot is good enough); answers the judgement, to be asked after the buyer's caps.
 */
function lockChosenLeads(tx: Db, buyerOrgId: string, leadIds: string[], now: Date): PromiseLike<() => LeadRow[]> {
  const ids = [...leadIds].sort();
  return lazy(lockChosenLeadsById(tx, buyerOrgId, ids), (rows) => () => {
    const held = new Set(rows.filter((r) => r.held).map((r) => r.id));
    const ownContacts = new Set(rows.filter((r) => r.suppressed).map((r) => r.id));
    return judgeChosenLeads({ rows, held, ownContacts }, buyerOrgId, leadIds, now);
  });
}

/** The locked chosen leads in id order, or the DomainError that lists every lead that cannot be ordered. */
function judgeChosenLeads({ rows, held, ownContacts }: ChosenLookups, buyerOrgId: string, leadIds: string[], now: Date): LeadRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
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
  return [...leadIds].sort().map((id) => byId.get(id)!);
}

/** Locks up to `quantity` leads matching the filter (BAD_USER_INPUT for a bad filter, before anything is sent). */
function lockMatchingLeads(deps: AppDeps, tx: Db, buyerOrgId: string, rawFilter: unknown, quantity: number, now: Date): PromiseLike<() => LeadRow[]> {
  const { conditions, needsSellerJoin } = matchingLeadConditions(deps, tx, buyerOrgId, rawFilter, now, 'input.matching');
  const base = tx.select(JUDGED).from(leads);
  const joined = needsSellerJoin ? base.innerJoin(schema.organizations, eq(schema.organizations.id, leads.sellerOrgId)) : base;
  // best price first, then freshest; SKIP LOCKED lets concurrent buyers take different leads instead of queueing
  const locked = joined
    .where(and(...conditions))
    .orderBy(...MATCHING_ORDER)
    .limit(quantity)
    .for('update', { of: leads, skipLocked: true });
  return lazy(locked, (rows) => () => judgeMatchingLeads(rows, quantity));
}

function judgeMatchingLeads(rows: LeadRow[], quantity: number): LeadRow[] {
  if (rows.length < quantity) {
    throw new DomainError('NOT_ENOUGH_LEADS', `Only ${rows.length} leads match right now`, [
      { path: 'input.quantity', message: `only ${rows.length} available` },
    ]);
  }
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Until the transaction ends, this buyer's other orders wait; other buyers never do. */
function lockBuyerHolds(tx: Db, buyerOrgId: string): PromiseLike<unknown> {
  // two racing orders of one buyer cannot both see room under the caps; no other path takes this lock, so it
  // cannot join a deadlock with the lead row locks that follow
  return tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-buyer-holds'), hashtext(${buyerOrgId}))`);
}

/** The buyer's open holds, read after lockBuyerHolds in the same round trip (its own snapshot, once the lock is held). */
function buyerHolds(tx: Db, buyerOrgId: string, now: Date): PromiseLike<BuyerHolds> {
  return buyerHoldsRow(tx, buyerOrgId, now);
}

/** Refuses the order when it would take the buyer past MAX_HELD_LEADS_PER_BUYER or MAX_OPEN_ORDERS_PER_BUYER. */
function checkHoldLimits(deps: AppDeps, held: BuyerHolds, newLeads: number): void {
  const breach = holdLimitBreach(held, newLeads, {
    maxHeldLeads: deps.config.MAX_HELD_LEADS_PER_BUYER,
    maxOpenOrders: deps.config.MAX_OPEN_ORDERS_PER_BUYER,
  });
  if (breach) throw new DomainError(breach.code, breach.message);
}

/** Whether an order with this key committed (lazy); no key, no order. */
function keyTaken(tx: Db, buyerOrgId: string, key: string | null): PromiseLike<boolean> {
  if (!key) return lazy(Promise.resolve(null), () => false);
  return lazy(
    tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.buyerOrgId, buyerOrgId), eq(orders.idempotencyKey, key))),
    (rows) => rows.length > 0,
  );
}

/**
 * The order, its lines and the leads' reserved counters, in one statement; answers the order as it committed (the
 * leads are locked, so the rows the update returns are the ones a read after commit would see).
 */
async function writeReservation(tx: Db, order: OrderInsert, lines: { leadId: string; price: number }[]): Promise<OrderView> {
  const reservedLeads = await reserveOrder(tx, order, lines);
  const price = new Map(lines.map((l) => [l.leadId, l.price]));
  const byId = reservedLeads.sort((a, b) => (a.id < b.id ? -1 : 1));
  // the order row as stored: what it was given, the rest empty until checkout and payment
  const row: OrderRow = { ...order, checkoutSessionId: null, paymentIntentId: null, paidAt: null, closedAt: null };
  return { ...row, lines: byId.map((lead) => ({ lead, price: price.get(lead.id)! })) };
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

  if (byIds && new Set(input.leadIds).size !== input.leadIds!.length) throw badInput([{ path: 'input.leadIds', message: 'a lead appears twice' }]);

  try {
    const reserved = await deps.db.transaction(async (tx) => {
      const now = deps.clock();
      const buyerOrgId = buyer.organizationId;
      // one round trip, in lock order: the buyer's holds lock, then the leads by id; every read after a lock
      // sees what the lock protects (a key that committed meanwhile, the holds, the leads as they are now)
      const [catalogVersion, , replayed, holds, judgeLeads] = await inOneRoundTrip(
        tx,
        catalogVersionIn(tx),
        lockBuyerHolds(tx, buyerOrgId),
        keyTaken(tx, buyerOrgId, key),
        buyerHolds(tx, buyerOrgId, now),
        byIds ? lockChosenLeads(tx, buyerOrgId, input.leadIds!, now) : lockMatchingLeads(deps, tx, buyerOrgId, input.matching, input.quantity!, now),
      );
      // the same key may have committed while this request waited for the lock: a replay, never refused by the caps
      if (replayed) return null;
      checkHoldLimits(deps, holds, count);
      const chosen = judgeLeads();
      const { volumeTiers } = await loadPricingAt(deps.db, tx, catalogVersion);
      const priced = priceOrderLines(
        chosen.map((l) => money(l.price, l.currency)),
        volumeTiers,
        deps.config.PLATFORM_CURRENCY,
      );
      return writeReservation(
        tx,
        {
          id: newId('ord'),
          buyerOrgId,
          buyerUserId: buyer.userId,
          status: 'RESERVED',
          total: priced.total.amount,
          currency: priced.total.currency,
          discountBps: priced.discountBps,
          expiresAt: new Date(now.getTime() + deps.config.ORDER_HOLD_MINUTES * 60_000),
          idempotencyKey: key,
          requestHash: fingerprint,
          createdAt: now,
        },
        chosen.map((l, i) => ({ leadId: l.id, price: priced.prices[i]!.amount })),
      );
    });
    return reserved ?? (await replay())!;
  } catch (err) {
    // the same key raced itself: the other request won, answer with its order
    if (key && isUniqueViolation(err, 'orders_buyer_idem_uq')) return (await replay())!;
    if (isUniqueViolation(err, 'order_lines_active_buyer_uq')) throw new DomainError('LEAD_ALREADY_BOUGHT', 'You already hold or bought one of these leads');
    throw err;
  }
}
