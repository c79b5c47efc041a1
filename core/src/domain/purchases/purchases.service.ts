// A buyer's purchases: listing them, the CRM outcome of each, and the CSV export with full contacts.
import { schema, type Db } from '@leadex/db';
import { and, count, desc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireScope, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { fromStatuses } from '../shared/lifecycle';
import type { Money } from '../shared/money';
import { newestFirstPage, type Page, type PageArgs } from '../shared/newest-first-page';
import { parseInput } from '../shared/validation';
import { recountSellerConversion } from '../pricing/seller-conversion';
import { leadMatches, likeLiteral, parseSearch } from '../leads/lead-search';
import { recomputeSellerQuality } from '../verification/recompute-seller-quality';
import { OWNED_PURCHASE_STATUSES, PURCHASE_LIFECYCLE } from './purchase.lifecycle';

const { purchases, leads } = schema;
export type PurchaseRow = typeof purchases.$inferSelect;

/** Purchases in a scope (a buyer's, or a seller's sales), newest first. */
function purchasesPage(deps: AppDeps, scope: SQL, args: PageArgs, fallbackSize: number): Promise<Page<PurchaseRow>> {
  return newestFirstPage<PurchaseRow>(
    args,
    { time: purchases.purchasedAt, id: purchases.id },
    (p) => p.purchasedAt,
    (after, limit) => deps.db.select().from(purchases).where(and(scope, after)).orderBy(desc(purchases.purchasedAt), desc(purchases.id)).limit(limit),
    async () => Number((await deps.db.select({ n: count() }).from(purchases).where(scope))[0]!.n),
    fallbackSize,
  );
}

export async function myPurchases(deps: AppDeps, actor: Actor | null, args: PageArgs): Promise<Page<PurchaseRow>> {
  const buyer = requireUser(actor, 'BUYER');
  return purchasesPage(deps, eq(purchases.buyerOrgId, buyer.organizationId), args, 20);
}

/** The free-text reason is the buyer's private CRM note: only the buying organization reads it (sellers see the outcome). */
export function visibleOutcomeReason(actor: Actor | null, purchase: Pick<PurchaseRow, 'buyerOrgId' | 'outcomeReason'>): string | null {
  return actor?.role === 'BUYER' && actor.organizationId === purchase.buyerOrgId ? purchase.outcomeReason : null;
}

export const LEAD_OUTCOMES = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST'] as const;

export async function updateLeadOutcome(deps: AppDeps, actor: Actor | null, purchaseId: string, outcome: string, reason?: string | null) {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const input = parseInput(
    z
      .object({ outcome: z.enum(LEAD_OUTCOMES), reason: z.string().trim().max(500).nullish() })
      .refine((v) => v.outcome !== 'LOST' || !!v.reason, { path: ['reason'], message: 'say why the lead was lost' }),
    { outcome, reason },
    '',
  );
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(purchases)
      .set({ outcome: input.outcome, outcomeReason: input.reason ?? null })
      .where(and(eq(purchases.id, purchaseId), eq(purchases.buyerOrgId, buyer.organizationId)))
      .returning();
    if (!row) throw new DomainError('PURCHASE_NOT_FOUND', 'No such purchase');
    // the buyer's outcome is evidence about the seller (seller-quality.rules.ts)
    await recomputeSellerQuality(tx, row.sellerOrgId);
    // and about the seller's conversion in the lead's segment, which feeds its price there (conversion.rules.ts)
    const [lead] = await tx.select({ segment: leads.segment }).from(leads).where(eq(leads.id, row.leadId));
    await recountSellerConversion(tx, row.sellerOrgId, lead!.segment, deps.clock());
    return row;
  });
}

/** Whether this buyer organization paid for the lead (and was not refunded). */
export async function buyerOwnsLead(deps: AppDeps, buyerOrgId: string, leadId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: purchases.id })
    .from(purchases)
    .where(and(eq(purchases.leadId, leadId), eq(purchases.buyerOrgId, buyerOrgId), inArray(purchases.status, OWNED_PURCHASE_STATUSES)))
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

/**
 * Books a refund against a purchase, inside the refund's booking transaction: the refunded amount grows, and
 * a purchase refunded in full becomes REFUNDED (from the statuses its lifecycle lets the platform move there).
 */
export async function applyRefundToPurchase(tx: Db, purchaseId: string, amount: Money): Promise<void> {
  const refundable = fromStatuses(PURCHASE_LIFECYCLE, 'REFUNDED', 'SYSTEM');
  const [row] = await tx
    .update(purchases)
    .set({
      refundedAmount: sql`${purchases.refundedAmount} + ${amount.amount}`,
      status: sql`CASE WHEN ${purchases.refundedAmount} + ${amount.amount} >= ${purchases.price} AND ${inArray(purchases.status, refundable)} THEN 'REFUNDED' ELSE ${purchases.status} END`,
    })
    .where(and(eq(purchases.id, purchaseId), eq(purchases.currency, amount.currency)))
    .returning({ id: purchases.id });
  if (!row) throw new Error(`refund of ${amount.amount} ${amount.currency} matches no purchase ${purchaseId} in that currency`);
}

/** A seller's sales (no buyer identity), newest first, for their dashboard. */
export async function mySales(deps: AppDeps, actor: Actor | null, args: PageArgs, search?: unknown): Promise<Page<PurchaseRow>> {
  const seller = requireScope(actor, 'leads:read', 'SELLER');
  const text = parseSearch(search);
  const own = eq(purchases.sellerOrgId, seller.organizationId);
  // `search`: a sale id prefix, or what finds the sold lead in the listings (lead-search.ts)
  const matching = text
    ? or(
        ilike(purchases.id, `${likeLiteral(text)}%`),
        exists(
          deps.db
            .select({ one: sql`1` })
            .from(leads)
            .where(and(eq(leads.id, purchases.leadId), leadMatches(text))),
        ),
      )
    : undefined;
  return purchasesPage(deps, matching ? and(own, matching)! : own, args, 50);
}
