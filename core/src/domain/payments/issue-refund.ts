// Sends a recorded refund to Stripe and books it. The Stripe idempotency key is derived from the business
// event (a dispute, a late payment), so however often this runs — a retry, a crash between the call and the
// booking, two workers at once — Stripe refunds once and the ledger posts once.
import { schema, type Db } from '@leadex/db';
import { eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { PLATFORM_STRIPE_BALANCE, buyerWallet } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import { applyRefundToPurchase } from '../purchases/purchases.service';
import { fromStatuses } from '../shared/lifecycle';
import { money } from '../shared/money';
import { REFUND_LIFECYCLE, refundAlreadyBooked } from './refund.lifecycle';

const { refunds } = schema;
export type RefundRow = typeof refunds.$inferSelect;

/**
 * Pays a PENDING refund back and books it. Idempotent: a refund already SUCCEEDED answers ALREADY_DONE; a
 * failed Stripe call answers FAILED and leaves it PENDING for the retry.
 */
export async function issueRefund(deps: AppDeps, refundId: string): Promise<'SUCCEEDED' | 'ALREADY_DONE' | 'FAILED'> {
  const [refund] = await deps.db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund) throw new Error(`no refund ${refundId}`);
  if (refundAlreadyBooked(refund.status)) return 'ALREADY_DONE';
  if (refund.destination === 'WALLET') return creditWallet(deps, refund);
  let stripeRefund;
  try {
    stripeRefund = await deps.stripe.refunds.create(
      {
        payment_intent: refund.paymentIntentId!,
        amount: refund.amount,
        metadata: { refund_id: refund.id, order_id: refund.orderId ?? '', dispute_id: refund.disputeId ?? '' },
      },
      { idempotencyKey: refund.idempotencyKey },
    );
  } catch (err) {
    deps.logger.warn({ refundId, err: (err as Error).message }, 'stripe refund failed; it stays pending and is retried');
    return 'FAILED';
  }
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
    if (refundAlreadyBooked(locked!.status)) return 'ALREADY_DONE';
    const now = deps.clock();
    const amount = money(refund.amount, refund.currency);
    await tx.update(refunds).set({ status: 'SUCCEEDED', stripeRefundId: stripeRefund.id }).where(eq(refunds.id, refundId));
    const booked = await postLedgerTransaction(tx, {
      eventKey: `refund:${refund.id}`,
      kind: 'REFUND',
      memo: `refund ${stripeRefund.id} (${refund.reason})`,
      occurredAt: now,
      postings: [debit(refund.sourceAccount, amount), credit(PLATFORM_STRIPE_BALANCE, amount)],
    });
    // a refund of a sale leaves less in escrow for that purchase (all of it: the purchase is REFUNDED);
    // keyed on the ledger entry, so the purchase is adjusted exactly when the money is booked
    if (booked && refund.purchaseId) await applyRefundToPurchase(tx, refund.purchaseId, amount);
    await auditRefund(tx, refund, now, stripeRefund.id);
    return 'SUCCEEDED';
  });
}

/** A purchase paid from the wallet is refunded into the wallet: no card, no Stripe call, one transaction. */
async function creditWallet(deps: AppDeps, refund: RefundRow): Promise<'SUCCEEDED' | 'ALREADY_DONE'> {
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(refunds).where(eq(refunds.id, refund.id)).for('update');
    if (refundAlreadyBooked(locked!.status)) return 'ALREADY_DONE';
    const [purchase] = await tx.select().from(schema.purchases).where(eq(schema.purchases.id, refund.purchaseId!));
    const amount = money(refund.amount, refund.currency);
    await tx.update(refunds).set({ status: 'SUCCEEDED' }).where(eq(refunds.id, refund.id));
    const booked = await postLedgerTransaction(tx, {
      eventKey: `refund:${refund.id}`,
      kind: 'WALLET_REFUND',
      memo: `wallet credit (${refund.reason})`,
      occurredAt: deps.clock(),
      postings: [debit(refund.sourceAccount, amount), credit(buyerWallet(purchase!.buyerOrgId), amount)],
    });
    if (booked) await applyRefundToPurchase(tx, purchase!.id, amount);
    await auditRefund(tx, refund, deps.clock(), null);
    return 'SUCCEEDED';
  });
}

/** `refund.issued`, for the buyer the money goes back to (a top-up's refund names no buyer: operators only). */
async function auditRefund(tx: Db, refund: RefundRow, at: Date, stripeRefundId: string | null): Promise<void> {
  const [purchase] = refund.purchaseId
    ? await tx.select({ buyerOrgId: schema.purchases.buyerOrgId }).from(schema.purchases).where(eq(schema.purchases.id, refund.purchaseId))
    : [];
  const [order] =
    !purchase && refund.orderId
      ? await tx.select({ buyerOrgId: schema.orders.buyerOrgId }).from(schema.orders).where(eq(schema.orders.id, refund.orderId))
      : [];
  await recordAudit(tx, {
    actor: null,
    action: 'refund.issued',
    target: { type: 'refund', id: refund.id, organizationId: purchase?.buyerOrgId ?? order?.buyerOrgId ?? null },
    details: {
      amount: refund.amount,
      currency: refund.currency,
      destination: refund.destination,
      reason: refund.reason,
      disputeId: refund.disputeId,
      orderId: refund.orderId,
      stripeRefundId,
    },
    at,
  });
}

/** Pending refunds whose Stripe call failed before; the worker retries them. */
export async function pendingRefundIds(deps: AppDeps): Promise<string[]> {
  const rows = await deps.db
    .select({ id: refunds.id })
    .from(refunds)
    .where(inArray(refunds.status, fromStatuses(REFUND_LIFECYCLE, 'SUCCEEDED', 'SYSTEM')))
    .limit(500);
  return rows.map((r) => r.id);
}
