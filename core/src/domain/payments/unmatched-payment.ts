// Money Stripe confirms but that matches nothing we asked for (an amount or currency other than the
// order's total or the top-up's request, a second payment): booked as unapplied and refunded in full.
import { schema, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { PLATFORM_STRIPE_BALANCE, PLATFORM_UNAPPLIED } from '../ledger/ledger-accounts';
import { postLedgerTransaction } from '../ledger/post-transaction';
import { newId } from '../shared/ids';

export interface UnmatchedPayment {
  paymentIntentId: string;
  amount: number;
  currency: string; // ISO, any case
  /** what it claimed to pay for, for the alert and the refund row */
  orderId?: string;
  topUpId?: string;
  reason: string;
  expected: { amount: number; currency: string };
}

/**
 * Books the payment and queues its refund; returns the refund id for `issueRefund` after commit.
 * Keyed on the PaymentIntent: the other event of the same payment finds the same refund, so it is booked
 * and refunded once.
 */
export async function bookUnmatchedPayment(deps: AppDeps, tx: Db, p: UnmatchedPayment): Promise<string> {
  const currency = p.currency.toUpperCase();
  const now = deps.clock();
  deps.logger.error(
    { alert: 'PAYMENT_MISMATCH', paymentIntentId: p.paymentIntentId, orderId: p.orderId, topUpId: p.topUpId, amount: p.amount, currency, expected: p.expected },
    `payment refunded in full: ${p.reason}`,
  );
  await postLedgerTransaction(tx, {
    eventKey: `unmatched-payment:${p.paymentIntentId}`, kind: 'UNMATCHED_PAYMENT', occurredAt: now, currency,
    memo: `${p.paymentIntentId} paid ${p.amount} ${currency} for ${p.orderId ?? p.topUpId} (expected ${p.expected.amount} ${p.expected.currency})`,
    postings: [{ account: PLATFORM_STRIPE_BALANCE, amount: p.amount }, { account: PLATFORM_UNAPPLIED, amount: -p.amount }],
  });
  const idempotencyKey = `unmatched-payment-${p.paymentIntentId}`;
  const [inserted] = await tx
    .insert(schema.refunds)
    .values({
      id: newId('rfd'), orderId: p.orderId ?? null, reason: p.reason, amount: p.amount, currency,
      paymentIntentId: p.paymentIntentId, idempotencyKey, status: 'PENDING', createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: schema.refunds.id });
  if (inserted) return inserted.id;
  const [existing] = await tx.select({ id: schema.refunds.id }).from(schema.refunds).where(eq(schema.refunds.idempotencyKey, idempotencyKey));
  return existing!.id;
}
