// A buyer's bulk CRM update: one outcome for up to 100 purchases, all or nothing.
import { schema } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { recountSellerConversion } from '../pricing/seller-conversion';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/validation';
import { recomputeSellerQuality } from '../verification/recompute-seller-quality';
import { LEAD_OUTCOMES, type PurchaseRow } from './purchases.service';

const { purchases, leads } = schema;

export const MAX_BULK_OUTCOMES = 100;

const ZBulkOutcome = z
  .object({
    purchaseIds: z
      .array(z.string().trim().min(1).max(64))
      .min(1, 'choose at least one purchase')
      .max(MAX_BULK_OUTCOMES, `at most ${MAX_BULK_OUTCOMES} purchases at once`),
    outcome: z.enum(LEAD_OUTCOMES),
    reason: z.string().trim().max(500).nullish(),
  })
  .refine((v) => v.outcome !== 'LOST' || !!v.reason, { path: ['reason'], message: 'say why the leads were lost' });

/**
 * Sets the outcome (and reason) of every listed purchase of the buyer's organisation in one transaction: an id that
 * is not theirs is PURCHASE_NOT_FOUND and nothing changes. Repeating the call sets the same values again.
 */
export async function updateLeadOutcomes(
  deps: AppDeps,
  actor: Actor | null,
  raw: { purchaseIds: unknown; outcome: unknown; reason?: unknown },
): Promise<PurchaseRow[]> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const input = parseInput(ZBulkOutcome, raw, '');
  const ids = [...new Set(input.purchaseIds)];
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(purchases)
      .set({ outcome: input.outcome, outcomeReason: input.reason ?? null })
      .where(and(inArray(purchases.id, ids), eq(purchases.buyerOrgId, buyer.organizationId)))
      .returning();
    if (rows.length !== ids.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      throw new DomainError(
        'PURCHASE_NOT_FOUND',
        `No such purchase: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}; nothing was changed`,
        missing.slice(0, 20).map((id) => ({ path: `purchaseIds[${input.purchaseIds.indexOf(id)}]`, message: 'not one of your purchases' })),
      );
    }
    // the outcomes are evidence about each seller (seller-quality.rules.ts) and their conversion per segment (conversion.rules.ts)
    const segments = await tx
      .selectDistinct({ sellerOrgId: purchases.sellerOrgId, segment: leads.segment })
      .from(purchases)
      .innerJoin(leads, eq(leads.id, purchases.leadId))
      .where(inArray(purchases.id, ids));
    for (const sellerOrgId of new Set(segments.map((s) => s.sellerOrgId))) await recomputeSellerQuality(tx, sellerOrgId);
    // a stable order so two bulk updates take the per-segment locks in the same order
    for (const s of segments.sort((a, b) => `${a.segment}|${a.sellerOrgId}`.localeCompare(`${b.segment}|${b.sellerOrgId}`))) {
      await recountSellerConversion(tx, s.sellerOrgId, s.segment, deps.clock());
    }
    return ids.map((id) => rows.find((r) => r.id === id)!);
  });
}
