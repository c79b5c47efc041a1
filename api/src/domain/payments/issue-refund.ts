// Sends a recorded refund to Stripe and books it. The Stripe idempotency key is derived from the business
// event, so however often this runs (a retry, a crash between the call and the booking), Stripe refunds once.
import { schema } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { PLATFORM_STRIPE_BALANCE, PLATFORM_UNAPPLIED } from '../ledger/ledger-accounts';
import { postLedgerTransaction } from '../ledger/post-transaction';

const { refunds } = schema;

export async function issueRefund(deps: AppDeps, refundId: string): Promise<'SUCCEEDED' | 'ALREADY_DONE' | 'FAILED'> {
  const [refund] = await deps.db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund) throw new Error(`no refund ${refundId}`);
  if (refund.status === 'SUCCEEDED') return 'ALREADY_DONE';
  let stripeRefund;
  try {
    stripeRefund = await deps.stripe.refunds.create(
      { payment_intent: refund.paymentIntentId, amount: refund.amount, metadata: { refund_id: refund.id, order_id: refund.orderId ?? '' } },
      { idempotencyKey: refund.idempotencyKey },
    );
  } catch (err) {
    deps.logger.warn({ refundId, err: (err as Error).message }, 'stripe refund failed; it stays pending and is retried');
    return 'FAILED';
  }
  await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
    if (locked!.status === 'SUCCEEDED') return;
    await tx.update(refunds).set({ status: 'SUCCEEDED', stripeRefundId: stripeRefund.id }).where(and(eq(refunds.id, refundId)));
    await postLedgerTransaction(tx, {
      eventKey: `refund:${refund.id}`, kind: 'REFUND', memo: `refund ${stripeRefund.id} (${refund.reason})`, occurredAt: deps.clock(), currency: refund.currency,
      postings: [{ account: PLATFORM_UNAPPLIED, amount: refund.amount }, { account: PLATFORM_STRIPE_BALANCE, amount: -refund.amount }],
    });
  });
  return 'SUCCEEDED';
}

/** Pending refunds whose Stripe call failed before; the worker retries them. */
export async function pendingRefundIds(deps: AppDeps): Promise<string[]> {
  const rows = await deps.db.select({ id: refunds.id }).from(refunds).where(eq(refunds.status, 'PENDING')).limit(500);
  return rows.map((r) => r.id);
}
