// openDispute: a buyer returns a purchased lead, one dispute per purchase, as its return policy allows
// (return-policy.rules.ts: window, reason, remedy, rate cap). Whatever the reason, the lead is re-checked
// (recheck-lead.ts); a lead whose re-check fails, or a return the policy accepts by reason within its time
// limit, is accepted at once through the one accept path (the remedy is given there, once), unless the buyer's
// abuse guard says no.
import { RETURN_REMEDIES, queryRows, schema, sql, type Db, type DisputeStatus } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { notifyReturnOpened } from '../notifications/domain-events';
import { sendNotificationsSoon } from '../notifications/queue-notification';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { parseInput } from '../shared/validation';
import { WITHHELD_SUFFIX, encodeAutoCheck, recheckFinding, recheckUpholds, type RecheckResult } from './dispute-recheck.rules';
import { ABUSE_LOOKBACK_DAYS, DISPUTE_REASONS, automaticAcceptanceAllowed } from './dispute.rules';
import { recheckLead } from './recheck-lead';
import { loadReturnPolicy, returnHistory } from './return-policies.service';
import { DEFAULT_REMEDY, autoAcceptRuleFor, policyAcceptFinding, returnRefusal, type AutoAcceptRule } from './return-policy.rules';
import { acceptDispute } from './resolve-dispute';

const { disputes, purchases, leads } = schema;

export const ZOpenDisputeInput = z.object({
  purchaseId: z.string().trim().min(1).max(64),
  reason: z.enum(DISPUTE_REASONS),
  evidence: z.string().trim().max(5000).nullish(),
  remedy: z.enum(RETURN_REMEDIES).nullish(),
});

type DisputeRow = typeof disputes.$inferSelect;

/** The buyer's purchases and upheld disputes in the abuse guard's look-back, counted back from `now` (the injected clock). */
async function upheldRate(tx: Db, buyerOrgId: string, now: Date): Promise<{ purchases: number; upheld: number }> {
  const since = new Date(now.getTime() - ABUSE_LOOKBACK_DAYS * 86_400_000).toISOString();
  const upheld: DisputeStatus = 'ACCEPTED';
  const [row] = await queryRows<{ purchases: number; upheld: number }>(
    tx,
    sql`SELECT (SELECT count(*)::int FROM purchases WHERE buyer_org_id = ${buyerOrgId} AND purchased_at > ${since}::timestamptz) AS purchases,
               (SELECT count(*)::int FROM disputes WHERE buyer_org_id = ${buyerOrgId} AND status = ${upheld} AND opened_at > ${since}::timestamptz) AS upheld`,
  );
  return { purchases: Number(row?.purchases ?? 0), upheld: Number(row?.upheld ?? 0) };
}

/** The one line kept with the dispute: what the re-check found and, when the policy decides it, which rule. */
function decisionFinding(recheck: RecheckResult, rule: AutoAcceptRule | null, autoAllowed: boolean): string {
  if (recheckUpholds(recheck) || !rule) return recheckFinding(recheck, autoAllowed);
  if (!autoAllowed) return `${recheckFinding(recheck, true)}${WITHHELD_SUFFIX}`;
  return `${policyAcceptFinding(rule)}; ${recheck.failures.length ? recheckFinding(recheck, true) : 'the re-check passed'}`;
}

export async function openDispute(deps: AppDeps, actor: Actor | null, raw: unknown, idempotencyKey?: string | null): Promise<DisputeRow> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const input = parseInput(ZOpenDisputeInput, raw);
  const remedy = input.remedy ?? DEFAULT_REMEDY;
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
      if (idempotencyKey && existing.idempotencyKey === idempotencyKey) return { dispute: existing, accept: false, finding: '' };
      throw new DomainError('ALREADY_DISPUTED', 'This purchase is already disputed');
    }
    const now = deps.clock();
    const policy = await loadReturnPolicy(tx, row.lead.segment, buyer.organizationId);
    // only a sale still in escrow can be returned: a settled or refunded one has left it
    if (row.purchase.status !== 'ESCROW') {
      throw new DomainError('RETURN_WINDOW_CLOSED', `Disputes are open for ${policy.windowHours} hours after the purchase`);
    }
    // under a cap, one buyer's returns are opened one at a time, so two at once cannot both slip under it
    if (policy.maxReturnRatePercent != null) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-buyer-returns'), hashtext(${buyer.organizationId}))`);
    }
    const history =
      policy.maxReturnRatePercent == null ? { purchases: 0, returns: 0 } : await returnHistory(tx, buyer.organizationId, now, policy.rateLookbackDays);
    const refusal = returnRefusal(policy, { purchasedAt: row.purchase.purchasedAt, now, reason: input.reason, remedy, history });
    if (refusal) throw new DomainError(refusal.code, refusal.message, refusal.path ? [{ path: refusal.path, message: refusal.message }] : undefined);
    const recheck = await recheckLead(deps, tx, row.lead, buyer.organizationId, row.purchase.id);
    const abuse = await upheldRate(tx, buyer.organizationId, now);
    const autoAllowed = automaticAcceptanceAllowed(abuse.purchases, abuse.upheld);
    const rule = autoAcceptRuleFor(policy, input.reason, row.purchase.purchasedAt, now);
    const finding = decisionFinding(recheck, rule, autoAllowed);
    const [dispute] = await tx
      .insert(disputes)
      .values({
        id: newId('dsp'),
        purchaseId: row.purchase.id,
        buyerOrgId: buyer.organizationId,
        sellerOrgId: row.purchase.sellerOrgId,
        reason: input.reason,
        evidence: input.evidence ?? null,
        remedy,
        status: 'OPEN',
        idempotencyKey: idempotencyKey ?? null,
        openedAt: now,
        // the re-check is kept with the dispute, for the operator to read beside the evidence
        autoCheck: encodeAutoCheck(finding, recheck.checks),
      })
      .returning();
    await notifyReturnOpened(tx, dispute!, row.lead);
    return { dispute: dispute!, accept: (recheckUpholds(recheck) || !!rule) && autoAllowed, finding };
  });
  await sendNotificationsSoon(deps);
  if (!result.accept) return result.dispute;
  return acceptDispute(deps, null, result.dispute.id, { refundAmount: null, note: `accepted automatically: ${result.finding}` });
}
