// A payment for an order arrived (Stripe webhook): the reservation becomes sales, escrow holds the money.
// A payment for an order that expired or was cancelled meanwhile is honoured if the capacity is still
// there, and refunded in full otherwise.
import { schema, type Db } from '@leadex/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { notifyOrderPaid } from '../notifications/domain-events';
import { recordAudit } from '../audit/record-audit';
import { loadSegments } from '../catalog/catalog.service';
import { PLATFORM_ESCROW, PLATFORM_STRIPE_BALANCE, PLATFORM_UNAPPLIED } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction, type LedgerEntry } from '../ledger/post-transaction';
import { salesAndSoldOut } from '../leads/lead-status-sql';
import { bookUnmatchedPayment } from '../payments/unmatched-payment';
import { newId } from '../shared/ids';
import { assertTransition, isFinal } from '../shared/lifecycle';
import { money, type Money } from '../shared/money';
import { freeCapacity } from './capacity.rules';
import { commissionBpsOf, splitSale } from './commission.rules';
import type { OrderRow } from './load-order';
import { ORDER_LIFECYCLE } from './order.lifecycle';

const { orders, orderLines, leads, purchases, refunds } = schema;

export interface PaymentReceived {
  orderId: string;
  paymentIntentId: string;
  /** what Stripe says was paid, currency upper-case ISO */
  amount: Money;
}

export type PaymentOutcome =
  | { result: 'PAID'; orderId: string }
  | { result: 'ALREADY_RECORDED'; orderId: string }
  | { result: 'REFUND_DUE'; orderId: string; refundId: string }
  | { result: 'UNKNOWN_ORDER'; orderId: string };

/** Re-takes capacity for a closed order's lines, all or nothing. */
async function retakeCapacity(tx: Db, order: OrderRow, now: Date): Promise<boolean> {
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const ids = lines.map((l) => l.leadId).sort();
  const rows = await tx.select().from(leads).where(inArray(leads.id, ids)).orderBy(asc(leads.id)).for('update');
  const heldElsewhere = await tx
    .select({ leadId: orderLines.leadId })
    .from(orderLines)
    .where(and(eq(orderLines.buyerOrgId, order.buyerOrgId), eq(orderLines.active, true), inArray(orderLines.leadId, ids)));
  const available = rows.length === ids.length && heldElsewhere.length === 0 && rows.every((l) => freeCapacity(l, now) > 0);
  if (!available) return false;
  await tx
    .update(leads)
    .set({ reservedCount: sql`${leads.reservedCount} + 1` })
    .where(inArray(leads.id, ids));
  await tx.update(orderLines).set({ active: true }).where(eq(orderLines.orderId, order.id));
  return true;
}

/** How an order was paid: by card (a Stripe payment intent) or from the buyer's wallet; `entry` is its ledger entry. */
export interface SalePayment {
  via: 'STRIPE' | 'WALLET';
  /** the Stripe payment intent; null for a wallet payment (the invariants count card payments by it) */
  paymentIntentId: string | null;
  entry: LedgerEntry;
  /** extra audit details, e.g. the wallet payment's id */
  details?: Record<string, unknown>;
}

/**
 * Turns the order's held capacity into sales: purchases, lead counters, the payment's ledger entry, the order
 * PAID. The one conversion of a paid order, for card and wallet payments alike; runs in the caller's transaction
 * with the order row locked.
 */
export async function convertOrderToSales(tx: Db, order: OrderRow, payment: SalePayment, now: Date): Promise<void> {
  assertTransition(ORDER_LIFECYCLE, order.status, 'PAID', 'SYSTEM');
  const lines = await tx
    .select({ leadId: orderLines.leadId, price: orderLines.price, sellerOrgId: leads.sellerOrgId, segment: leads.segment })
    .from(orderLines)
    .innerJoin(leads, eq(leads.id, orderLines.leadId))
    .where(and(eq(orderLines.orderId, order.id), eq(orderLines.active, true)));
  const segments = new Map((await loadSegments(tx)).map((s) => [s.code, s]));
  await tx
    .update(leads)
    .set({
      reservedCount: sql`${leads.reservedCount} - 1`,
      ...salesAndSoldOut(1),
    })
    .where(
      inArray(
        leads.id,
        lines.map((l) => l.leadId),
      ),
    );
  await tx.insert(purchases).values(
    lines.map((l) => {
      const split = splitSale(money(l.price, order.currency), commissionBpsOf(segments.get(l.segment)));
      return {
        id: newId('pur'),
        orderId: order.id,
        leadId: l.leadId,
        buyerOrgId: order.buyerOrgId,
        sellerOrgId: l.sellerOrgId,
        price: l.price,
        commission: split.commission.amount,
        sellerNet: split.sellerNet.amount,
        currency: order.currency,
        paymentIntentId: payment.paymentIntentId,
        paidWith: payment.via,
        purchasedAt: now,
      };
    }),
  );
  await postLedgerTransaction(tx, payment.entry);
  await tx.update(orders).set({ status: 'PAID', paidAt: now, paymentIntentId: payment.paymentIntentId, closedAt: now }).where(eq(orders.id, order.id));
  await notifyOrderPaid(tx, order.id);
  await recordAudit(tx, {
    actor: null,
    action: 'order.paid',
    target: { type: 'order', id: order.id, organizationId: order.buyerOrgId },
    details: {
      amount: order.total,
      currency: order.currency,
      leads: lines.length,
      via: payment.via,
      paymentIntentId: payment.paymentIntentId,
      ...payment.details,
    },
    at: now,
  });
}

/** A card payment's conversion: the Stripe balance gains the money, escrow holds it. */
function convertToSales(tx: Db, order: OrderRow, payment: PaymentReceived, now: Date): Promise<void> {
  return convertOrderToSales(
    tx,
    order,
    {
      via: 'STRIPE',
      paymentIntentId: payment.paymentIntentId,
      entry: {
        eventKey: `payment:${order.id}`,
        kind: 'PAYMENT',
        memo: `order ${order.id} paid (${payment.paymentIntentId})`,
        occurredAt: now,
        postings: [debit(PLATFORM_STRIPE_BALANCE, payment.amount), credit(PLATFORM_ESCROW, payment.amount)],
      },
    },
    now,
  );
}

/** Money came in for nothing deliverable: book it as unapplied and queue a full refund. */
async function bookForRefund(tx: Db, order: OrderRow, payment: PaymentReceived, now: Date, reason: string): Promise<string> {
  await postLedgerTransaction(tx, {
    eventKey: `payment:${order.id}`,
    kind: 'PAYMENT',
    memo: `order ${order.id} paid after ${reason}`,
    occurredAt: now,
    postings: [debit(PLATFORM_STRIPE_BALANCE, payment.amount), credit(PLATFORM_UNAPPLIED, payment.amount)],
  });
  await tx.update(orders).set({ paidAt: now, paymentIntentId: payment.paymentIntentId }).where(eq(orders.id, order.id));
  const refundId = newId('rfd');
  await tx.insert(refunds).values({
    id: refundId,
    orderId: order.id,
    reason,
    amount: payment.amount.amount,
    currency: payment.amount.currency,
    paymentIntentId: payment.paymentIntentId,
    idempotencyKey: `late-payment-${order.id}`,
    status: 'PENDING',
    createdAt: now,
  });
  return refundId;
}

/**
 * Records a successful payment. Idempotent: a second call for the same order (a duplicate or the other
 * of checkout.session.completed / payment_intent.succeeded) changes nothing.
 */
export async function recordOrderPayment(deps: AppDeps, tx: Db, payment: PaymentReceived): Promise<PaymentOutcome> {
  const now = deps.clock();
  const [order] = await tx.select().from(orders).where(eq(orders.id, payment.orderId)).for('update');
  if (!order) return { result: 'UNKNOWN_ORDER', orderId: payment.orderId };
  // PAID is final; an EXPIRED or CANCELLED order booked for a refund also took its one payment (paidAt)
  const alreadyPaid = isFinal(ORDER_LIFECYCLE, order.status) || order.paidAt != null;
  if (alreadyPaid && order.paymentIntentId === payment.paymentIntentId) return { result: 'ALREADY_RECORDED', orderId: order.id };
  // a second payment of a paid order, or one of another amount or currency than the order's: Stripe has the
  // money but it buys nothing, so it is refunded in full and alerted on; the order itself is left as it is
  const expected = money(order.total, order.currency);
  const reason = alreadyPaid
    ? 'a second payment of a paid order'
    : payment.amount.amount !== expected.amount || payment.amount.currency !== expected.currency
      ? 'an amount mismatch'
      : null;
  if (reason) {
    const refundId = await bookUnmatchedPayment(deps, tx, {
      paymentIntentId: payment.paymentIntentId,
      amount: payment.amount,
      orderId: order.id,
      reason,
      expected,
    });
    return { result: 'REFUND_DUE', orderId: order.id, refundId };
  }
  // RESERVED is paid outright; EXPIRED or CANCELLED (a late payment) only when every lead can still be had
  if (order.status === 'RESERVED' || (await retakeCapacity(tx, order, now))) {
    await convertToSales(tx, order, payment, now);
    return { result: 'PAID', orderId: order.id };
  }
  return { result: 'REFUND_DUE', orderId: order.id, refundId: await bookForRefund(tx, order, payment, now, `the order was ${order.status.toLowerCase()}`) };
}
