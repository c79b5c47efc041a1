// Deciding a dispute: ACCEPT (full or partial refund) or REJECT, by an operator or by the automatic check.
// Accepting gives the buyer the remedy it chose (issue 14), in the same transaction: REFUND records the refund
// (PENDING) back the way the purchase was paid, WALLET_CREDIT records it to the buyer's wallet whatever paid,
// both sent by the dispute-refund job; REPLACEMENT sells another lead with no new charge (replace-lead.ts), or,
// when no lead qualifies, falls back to a wallet credit of the whole refundable amount (the note says so).
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { notifyReturnDecided } from '../notifications/domain-events';
import { sendNotificationsSoon } from '../notifications/queue-notification';
import { recordAudit } from '../audit/record-audit';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { enqueueDeliveries } from '../exchange/deliveries.service';
import { PLATFORM_ESCROW } from '../ledger/ledger-accounts';
import { recomputeSellerQuality } from '../verification/recompute-seller-quality';
import { DomainError, badInput } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { leadHashes, suppressGlobally } from '../suppression/suppression-lookups';
import { assertTransition } from '../shared/lifecycle';
import { chargeStep, formatDecimal, money, parseMoneyInput, type Money } from '../shared/money';
import { DISPUTE_LIFECYCLE } from './dispute.lifecycle';
import { disputeRefundAmount, refundableAmount } from './dispute.rules';
import { sellReplacement } from './replace-lead';

const { disputes, purchases, refunds, leads } = schema;
type DisputeRow = typeof disputes.$inferSelect;

const alreadyResolved = (d: DisputeRow) => ({ code: 'DISPUTE_ALREADY_RESOLVED' as const, message: `This dispute was already ${d.status.toLowerCase()}` });

/**
 * operator: null means the system (automatic acceptance). refundAmount: null refunds all that is still refundable.
 * A dispute already decided is DISPUTE_ALREADY_RESOLVED (a CONFLICT), never decided again.
 */
export async function acceptDispute(
  deps: AppDeps,
  operator: (Actor & { userId: string }) | null,
  id: string,
  options: { refundAmount: Money | null; note?: string | null },
): Promise<DisputeRow> {
  const dispute = await deps.db.transaction(async (tx) => {
    const [d] = await tx.select().from(disputes).where(eq(disputes.id, id)).for('update');
    if (!d) throw new DomainError('DISPUTE_NOT_FOUND', 'No such dispute');
    assertTransition(DISPUTE_LIFECYCLE, d.status, 'ACCEPTED', operator ? 'OPERATOR' : 'SYSTEM', alreadyResolved(d));
    const [purchase] = await tx.select().from(purchases).where(eq(purchases.id, d.purchaseId)).for('update');
    const held = { price: money(purchase!.price, purchase!.currency), refunded: money(purchase!.refundedAmount, purchase!.currency) };
    if (d.remedy === 'REPLACEMENT' && options.refundAmount) {
      throw badInput([{ path: 'refundAmount', message: 'a replacement takes the whole purchase back: give no refund amount' }]);
    }
    const refund = disputeRefundAmount(held, options.refundAmount);
    if (!refund) {
      const refundable = refundableAmount(held.price, held.refunded);
      throw badInput([
        {
          path: 'refundAmount',
          message: `between ${formatDecimal(1, refundable.currency)} and what is still refundable (${formatDecimal(refundable.amount, refundable.currency)} ${refundable.currency})`,
        },
      ]);
    }
    const amount = refund.amount;
    const now = deps.clock();
    const replacement = d.remedy === 'REPLACEMENT' ? await sellReplacement(tx, d.id, purchase!, refund, now) : null;
    const remedy = d.remedy === 'REPLACEMENT' && !replacement ? 'WALLET_CREDIT' : d.remedy;
    const fallback = remedy !== d.remedy ? 'no replacement lead was available: credited to the wallet' : null;
    const [updated] = await tx
      .update(disputes)
      .set({
        status: 'ACCEPTED',
        refundAmount: amount,
        remedy,
        replacementPurchaseId: replacement?.purchaseId ?? null,
        note: [options.note, fallback].filter(Boolean).join('; ') || null,
        resolvedAt: now,
        resolvedBy: operator?.userId ?? null,
        autoDecided: !operator,
      })
      .where(eq(disputes.id, id))
      .returning();
    // a replacement moved the money in sellReplacement; a refund or wallet credit is recorded for the job to book
    if (!replacement)
      await tx.insert(refunds).values({
        id: newId('rfd'),
        orderId: purchase!.orderId,
        purchaseId: purchase!.id,
        disputeId: d.id,
        reason: `dispute ${d.reason}`,
        amount,
        currency: purchase!.currency,
        paymentIntentId: purchase!.paymentIntentId,
        idempotencyKey: `dispute-${d.id}`,
        sourceAccount: PLATFORM_ESCROW,
        destination: remedy === 'WALLET_CREDIT' || purchase!.paidWith === 'WALLET' ? 'WALLET' : 'STRIPE',
        status: 'PENDING',
        createdAt: now,
      });
    if (d.reason === 'NOT_INTERESTED') {
      // upheld "never asked to be contacted": the person goes on the do-not-contact list for every seller
      const [lead] = await tx.select({ phoneHash: leads.phoneHash, emailHash: leads.emailHash }).from(leads).where(eq(leads.id, purchase!.leadId));
      if (lead) await suppressGlobally(tx, leadHashes(lead), 'DISPUTE', now);
    }
    // an upheld return is evidence against the seller (seller-quality.rules.ts)
    await recomputeSellerQuality(tx, d.sellerOrgId);
    await notifyReturnDecided(tx, d, 'ACCEPTED', replacement ? null : { amount, currency: purchase!.currency });
    await recordAudit(tx, {
      actor: operator,
      action: 'dispute.resolved',
      target: { type: 'dispute', id: d.id, organizationId: d.buyerOrgId },
      details: {
        decision: 'ACCEPT',
        automatic: !operator,
        refundAmount: amount,
        currency: purchase!.currency,
        remedy,
        purchaseId: purchase!.id,
        sellerOrgId: d.sellerOrgId,
        replacementPurchaseId: replacement?.purchaseId ?? null,
      },
      at: now,
    });
    return updated!;
  });
  await sendNotificationsSoon(deps);
  // the replacement is delivered like any sale (webhook deliveries, when the buyer has an endpoint)
  if (dispute.replacementPurchaseId) {
    await enqueueDeliveries(deps, [dispute.replacementPurchaseId]).catch((err: Error) =>
      deps.logger.warn({ disputeId: id, err: err.message }, 'replacement delivery enqueue failed'),
    );
    return dispute;
  }
  // after commit; if the enqueue fails the refund-retry schedule still finds the PENDING refund
  await deps.jobs
    .enqueueDisputeRefund({ disputeId: dispute.id })
    .catch((err: Error) => deps.logger.warn({ disputeId: id, err: err.message }, 'dispute-refund enqueue failed'));
  return dispute;
}

export async function rejectDispute(deps: AppDeps, operator: Actor & { userId: string }, id: string, note: string | null): Promise<DisputeRow> {
  const rejected = await deps.db.transaction(async (tx) => {
    const [d] = await tx.select().from(disputes).where(eq(disputes.id, id)).for('update');
    if (!d) throw new DomainError('DISPUTE_NOT_FOUND', 'No such dispute');
    assertTransition(DISPUTE_LIFECYCLE, d.status, 'REJECTED', 'OPERATOR', alreadyResolved(d));
    const [updated] = await tx
      .update(disputes)
      .set({ status: 'REJECTED', note, resolvedAt: deps.clock(), resolvedBy: operator.userId })
      .where(eq(disputes.id, id))
      .returning();
    // a complaint found unfounded is (small) evidence for the seller
    await recomputeSellerQuality(tx, d.sellerOrgId);
    await notifyReturnDecided(tx, d, 'REJECTED', null);
    await recordAudit(tx, {
      actor: operator,
      action: 'dispute.resolved',
      target: { type: 'dispute', id: d.id, organizationId: d.buyerOrgId },
      details: { decision: 'REJECT', automatic: false, purchaseId: d.purchaseId, sellerOrgId: d.sellerOrgId },
      at: deps.clock(),
    });
    return updated!;
  });
  await sendNotificationsSoon(deps);
  return rejected;
}

export async function resolveDispute(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  decision: string,
  refundAmount: string | null | undefined,
  note: string | null | undefined,
) {
  const operator = requireCapability(requireUser(actor, 'OPERATOR'), 'TRADE');
  const text = note?.trim() || null;
  if (text && text.length > 2000) throw badInput([{ path: 'note', message: 'at most 2000 characters' }]);
  if (decision === 'REJECT') {
    if (refundAmount != null) throw badInput([{ path: 'refundAmount', message: 'a rejected dispute refunds nothing' }]);
    return rejectDispute(deps, operator, id, text);
  }
  if (decision !== 'ACCEPT') throw badInput([{ path: 'decision', message: 'ACCEPT or REJECT' }]);
  const currency = deps.config.PLATFORM_CURRENCY;
  const amount = refundAmount == null ? null : money(parseMoneyInput(refundAmount, currency, 'refundAmount', { min: 1, step: chargeStep(currency) }), currency);
  return acceptDispute(deps, operator, id, { refundAmount: amount, note: text });
}
