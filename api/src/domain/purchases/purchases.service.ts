// A buyer's purchases: listing them, the CRM outcome of each, and the CSV export with full contacts.
import { schema, type Db } from '@leadex/db';
import { and, count, desc, eq, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../context';
import { requireActor, requireUser, type Actor } from '../auth/access';
import { MAX_PAGE_SIZE, type Page, type PageArgs } from '../leads/browse-leads';
import { DomainError, badInput } from '../shared/domain-error';
import { parseInput } from '../shared/validation';

const { purchases, leads } = schema;
export type PurchaseRow = typeof purchases.$inferSelect;

const cursorOf = (p: PurchaseRow) => Buffer.from(JSON.stringify([p.purchasedAt.toISOString(), p.id])).toString('base64url');
function decode(cursor: string): { at: Date; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const d = new Date(at);
    return Number.isNaN(d.getTime()) || typeof id !== 'string' ? null : { at: d, id };
  } catch {
    return null;
  }
}

export async function myPurchases(deps: AppDeps, actor: Actor | null, args: PageArgs): Promise<Page<PurchaseRow>> {
  const buyer = requireUser(actor, 'BUYER');
  const limit = args.first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  const mine = eq(purchases.buyerOrgId, buyer.organizationId);
  const after = args.after ? decode(args.after) : null;
  if (args.after && !after) throw badInput([{ path: 'after', message: 'not a cursor of this list' }]);
  const where = after ? and(mine, or(lt(purchases.purchasedAt, after.at), and(eq(purchases.purchasedAt, after.at), lt(purchases.id, after.id)))) : mine;
  const rows = await deps.db.select().from(purchases).where(where).orderBy(desc(purchases.purchasedAt), desc(purchases.id)).limit(limit + 1);
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => Number((await deps.db.select({ n: count() }).from(purchases).where(mine))[0]!.n),
  };
}

export const LEAD_OUTCOMES = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST'] as const;

export async function updateLeadOutcome(deps: AppDeps, actor: Actor | null, purchaseId: string, outcome: string, reason?: string | null) {
  const buyer = requireUser(actor, 'BUYER');
  const input = parseInput(
    z.object({ outcome: z.enum(LEAD_OUTCOMES), reason: z.string().trim().max(500).nullish() }).refine((v) => v.outcome !== 'LOST' || !!v.reason, { path: ['reason'], message: 'say why the lead was lost' }),
    { outcome, reason },
    '',
  );
  const [row] = await deps.db
    .update(purchases)
    .set({ outcome: input.outcome, outcomeReason: input.reason ?? null })
    .where(and(eq(purchases.id, purchaseId), eq(purchases.buyerOrgId, buyer.organizationId)))
    .returning();
  if (!row) throw new DomainError('PURCHASE_NOT_FOUND', 'No such purchase');
  return row;
}

export async function findPurchase(deps: AppDeps, actor: Actor | null, id: string): Promise<PurchaseRow | null> {
  const a = requireActor(actor);
  const [row] = await deps.db.select().from(purchases).where(eq(purchases.id, id));
  if (!row || (a.role !== 'OPERATOR' && row.buyerOrgId !== a.organizationId)) return null;
  return row;
}

/** Whether this buyer organization paid for the lead (and was not refunded). */
export async function buyerOwnsLead(deps: AppDeps, buyerOrgId: string, leadId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: purchases.id })
    .from(purchases)
    .where(and(eq(purchases.leadId, leadId), eq(purchases.buyerOrgId, buyerOrgId), or(eq(purchases.status, 'ESCROW'), eq(purchases.status, 'SETTLED'))))
    .limit(1);
  return !!row;
}

export async function purchasedLeads(deps: AppDeps, actor: Actor | null) {
  const buyer = requireUser(actor, 'BUYER');
  return deps.db
    .select({ purchase: purchases, lead: leads })
    .from(purchases)
    .innerJoin(leads, eq(leads.id, purchases.leadId))
    .where(eq(purchases.buyerOrgId, buyer.organizationId))
    .orderBy(desc(purchases.purchasedAt));
}

/** Books a refund against a purchase, inside the refund's booking transaction. */
export async function applyRefundToPurchase(tx: Db, purchaseId: string, amount: number): Promise<void> {
  await tx
    .update(purchases)
    .set({
      refundedAmount: sql`${purchases.refundedAmount} + ${amount}`,
      status: sql`CASE WHEN ${purchases.refundedAmount} + ${amount} >= ${purchases.price} THEN 'REFUNDED' ELSE ${purchases.status} END`,
    })
    .where(eq(purchases.id, purchaseId));
}

/** A seller's sales (no buyer identity), newest first, for their dashboard. */
export async function mySales(deps: AppDeps, actor: Actor | null, args: PageArgs): Promise<Page<PurchaseRow>> {
  const seller = requireUser(actor, 'SELLER');
  const limit = args.first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  const mine = eq(purchases.sellerOrgId, seller.organizationId);
  const after = args.after ? decode(args.after) : null;
  if (args.after && !after) throw badInput([{ path: 'after', message: 'not a cursor of this list' }]);
  const where = after ? and(mine, or(lt(purchases.purchasedAt, after.at), and(eq(purchases.purchasedAt, after.at), lt(purchases.id, after.id)))) : mine;
  const rows = await deps.db.select().from(purchases).where(where).orderBy(desc(purchases.purchasedAt), desc(purchases.id)).limit(limit + 1);
  const edges = rows.slice(0, limit).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => Number((await deps.db.select({ n: count() }).from(purchases).where(mine))[0]!.n),
  };
}
