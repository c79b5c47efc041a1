// Money Stripe confirms but that matches nothing we asked for (an amount or currency other than the
// order's total or the top-up's request, a second payment): booked as unapplied and refunded in full.
import { schema, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { PLATFORM_STRIPE_BALANCE, PLATFORM_UNAPPLIED } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import { newId } from '../shared/ids';
import { money, type Money } from '../shared/money';

export interface UnmatchedPayment {
  paymentIntentId: string;
  /** what Stripe took; its currency in any case */
  amount: Money;
  /** what it claimed to pay for, for the alert and the refund row */
  orderId?: string;
  topUpId?: string;
  reason: string;
  expected: Money;
}

/**
 * Books the payment and queues its refund; returns the refund id for `issueRefund` after commit.
 * Keyed on the PaymentIntent: the other event of the same payment finds the same refund, so it is booked
 * and refunded once.
 */
export async function bookUnmatchedPayment(deps: AppDeps, tx: Db, p: UnmatchedPayment): Promise<string> {
  // booked in the currency Stripe took it in, whatever the order or top-up asked for
  const paid = money(p.amount.amount, p.amount.currency.toUpperCase());
  const now = deps.clock();
  deps.logger.error(
    {
      alert: 'PAYMENT_MISMATCH',
      paymentIntentId: p.paymentIntentId,
      orderId: p.orderId,
      topUpId: p.topUpId,
      amount: paid.amount,
      currency: paid.currency,
      expected: p.expected,
    },
    `payment refunded in full: ${p.reason}`,
  );
  await postLedgerTransaction(tx, {
    eventKey: `unmatched-payment:${p.paymentIntentId}`,
    kind: 'UNMATCHED_PAYMENT',
    occurredAt: now,
    memo: `${p.paymentIntentId} paid ${paid.amount} ${paid.currency} for ${p.orderId ?? p.topUpId} (expected ${p.expected.amount} ${p.expected.currency})`,
    postings: [debit(PLATFORM_STRIPE_BALANCE, paid), credit(PLATFORM_UNAPPLIED, paid)],
  });
  const idempotencyKey = `unmatched-payment-${p.paymentIntentId}`;
  const [inserted] = await tx
    .insert(schema.refunds)
    .values({
      id: newId('rfd'),
      orderId: p.orderId ?? null,
      reason: p.reason,
      amount: paid.amount,
      currency: paid.currency,
      paymentIntentId: p.paymentIntentId,
      idempotencyKey,
      status: 'PENDING',
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: schema.refunds.id });
  if (inserted) return inserted.id;
  const [existing] = await tx.select({ id: schema.refunds.id }).from(schema.refunds).where(eq(schema.refunds.idempotencyKey, idempotencyKey));
  return existing!.id;
}
