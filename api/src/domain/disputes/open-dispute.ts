// openDispute: a buyer returns a purchased lead within the segment's window, one dispute per purchase.
// INVALID_CONTACT and DUPLICATE are checked automatically and, when confirmed, accepted at once.
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../context';
import { requireUser, type Actor } from '../auth/access';
import { loadSegments } from '../catalog/catalog.service';
import { normalizeContact } from '../leads/contact.rules';
import type { NormalizedContact } from '../leads/lead.types';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { parseInput } from '../shared/validation';
import { DISPUTE_REASONS, automaticAcceptanceAllowed, withinReturnWindow } from './dispute.rules';
import { acceptDispute } from './resolve-dispute';

const { disputes, purchases, leads } = schema;

export const ZOpenDisputeInput = z.object({
  purchaseId: z.string().trim().min(1).max(64),
  reason: z.enum(DISPUTE_REASONS),
  evidence: z.string().trim().max(5000).nullish(),
});

type DisputeRow = typeof disputes.$inferSelect;

/** What the automatic check concludes: a reason to accept, or why it could not confirm. */
async function automaticCheck(deps: AppDeps, tx: Db, reason: string, lead: typeof leads.$inferSelect, buyerOrgId: string, purchaseId: string): Promise<{ confirmed: boolean; finding: string } | null> {
  if (reason === 'INVALID_CONTACT') {
    if (!lead.contactSealed || !lead.contactKeyId) return { confirmed: true, finding: 'the contact was erased' };
    const c = deps.vault.open<NormalizedContact>(lead.contactSealed, lead.contactKeyId);
    const { issues } = normalizeContact({ fullName: c.fullName, phone: c.phoneE164, email: c.email, socialUrl: c.socialUrl, country: lead.country } as never);
    const errors = issues.filter((i) => i.severity === 'ERROR');
    return errors.length ? { confirmed: true, finding: `re-validation failed: ${errors.map((e) => e.code).join(', ')}` } : { confirmed: false, finding: 'the contact re-validates; an operator decides' };
  }
  if (reason === 'DUPLICATE') {
    // the same person (keyed phone or e-mail hash) sold to this buyer before, in the same segment
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`SELECT p.id FROM purchases p JOIN leads l ON l.id = p.lead_id
          WHERE p.buyer_org_id = ${buyerOrgId} AND p.id <> ${purchaseId} AND l.segment = ${lead.segment}
            AND p.purchased_at <= (SELECT purchased_at FROM purchases WHERE id = ${purchaseId})
            AND ((${lead.phoneHash}::text IS NOT NULL AND l.phone_hash = ${lead.phoneHash}) OR (${lead.emailHash}::text IS NOT NULL AND l.email_hash = ${lead.emailHash}))
          LIMIT 1`,
    );
    return rows.length ? { confirmed: true, finding: `the same contact was sold to you before (${rows[0]!.id})` } : { confirmed: false, finding: 'no earlier sale of this contact to you; an operator decides' };
  }
  return null;
}

async function upheldRate(tx: Db, buyerOrgId: string): Promise<{ purchases: number; upheld: number }> {
  const [row] = await queryRows<{ purchases: number; upheld: number }>(
    tx,
    sql`SELECT (SELECT count(*)::int FROM purchases WHERE buyer_org_id = ${buyerOrgId} AND purchased_at > now() - interval '90 days') AS purchases,
               (SELECT count(*)::int FROM disputes WHERE buyer_org_id = ${buyerOrgId} AND status = 'ACCEPTED' AND opened_at > now() - interval '90 days') AS upheld`,
  );
  return { purchases: Number(row?.purchases ?? 0), upheld: Number(row?.upheld ?? 0) };
}

export async function openDispute(deps: AppDeps, actor: Actor | null, raw: unknown, idempotencyKey?: string | null): Promise<DisputeRow> {
  const buyer = requireUser(actor, 'BUYER');
  const input = parseInput(ZOpenDisputeInput, raw);
  const segments = new Map((await loadSegments(deps.db)).map((s) => [s.code, s]));
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ purchase: purchases, lead: leads })
      .from(purchases)
      .innerJoin(leads, eq(leads.id, purchases.leadId))
      .where(and(eq(purchases.id, input.purchaseId), eq(purchases.buyerOrgId, buyer.organizationId)))
      .for('update', { of: purchases });
    if (!row) throw new DomainError('PURCHASE_NOT_FOUND', 'No such purchase', [{ path: 'input.purchaseId', message: 'not one of your purchases' }]);
    const [existing] = await tx.select().from(disputes).where(eq(disputes.purchaseId, row.purchase.id));
    if (existing) {
      // the same request again (same key) answers with the first dispute; anything else is a conflict
      if (idempotencyKey && existing.idempotencyKey === idempotencyKey) return { dispute: existing, accept: false };
      throw new DomainError('ALREADY_DISPUTED', 'This purchase is already disputed');
    }
    const now = deps.clock();
    const windowHours = segments.get(row.lead.segment)?.returnWindowHours ?? 72;
    if (row.purchase.status !== 'ESCROW' || !withinReturnWindow(row.purchase.purchasedAt, windowHours, now)) {
      throw new DomainError('RETURN_WINDOW_CLOSED', `Disputes are open for ${windowHours} hours after the purchase`);
    }
    const check = await automaticCheck(deps, tx, input.reason, row.lead, buyer.organizationId, row.purchase.id);
    const history = await upheldRate(tx, buyer.organizationId);
    const autoAllowed = automaticAcceptanceAllowed(history.purchases, history.upheld);
    const [dispute] = await tx
      .insert(disputes)
      .values({
        id: newId('dsp'), purchaseId: row.purchase.id, buyerOrgId: buyer.organizationId, sellerOrgId: row.purchase.sellerOrgId,
        reason: input.reason, evidence: input.evidence ?? null, status: 'OPEN', idempotencyKey: idempotencyKey ?? null, openedAt: now,
        autoCheck: check ? `${check.finding}${check.confirmed && !autoAllowed ? ' (automatic acceptance withheld: abnormal return rate)' : ''}` : null,
      })
      .returning();
    return { dispute: dispute!, accept: !!check?.confirmed && autoAllowed };
  });
  if (!result.accept) return result.dispute;
  return acceptDispute(deps, null, result.dispute.id, { refundAmount: null, note: `accepted automatically: ${result.dispute.autoCheck}` });
}
