// A payment for an order arrived (Stripe webhook): the reservation becomes sales, escrow holds the money.
// A payment for an order that expired or was cancelled meanwhile is honoured if the capacity is still
// there, and refunded in full otherwise.
import { schema, type Db } from '@leadex/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { orderPaidNotifications } from '../notifications/domain-events';
import { notificationRows, type NotificationRecipients } from '../notifications/queue-notification';
import { auditRow } from '../audit/record-audit';
import { PLATFORM_ESCROW, PLATFORM_STRIPE_BALANCE, PLATFORM_UNAPPLIED } from '../ledger/ledger-accounts';
import { credit, debit, ledgerRows, postLedgerTransaction, type LedgerEntry } from '../ledger/post-transaction';
import { bookUnmatchedPayment } from '../payments/unmatched-payment';
import { newId } from '../shared/ids';
import { inOneRoundTrip, lazy, together } from '../shared/one-round-trip';
import { assertTransition, isFinal } from '../shared/lifecycle';
import { money, type Money } from '../shared/money';
import { freeCapacity } from './capacity.rules';
import { commissionBpsOf, splitSale } from './commission.rules';
import type { OrderRow } from './load-order';
import { ORDER_LIFECYCLE } from './order.lifecycle';
import { lockOrder, orderPaidRecipients, saleLinesRows } from './purchase-statements';
import { writeSale, type PurchaseInsert } from './sale-statement';

const { orders, orderLines, leads, refunds } = schema;

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

/** An active line of an order, with what its sale needs: the lead's seller and segment, the segment's rate. */
export interface SaleLine {
  leadId: string;
  price: number;
  sellerOrgId: string;
  segment: string;
  /** null when the catalog no longer has the segment (commissionBpsOf then takes the default) */
  commissionBps: number | null;
}

/** The order's active lines in lead id order (lazy: send it with the order's lock through inOneRoundTrip). */
export function saleLinesOf(tx: Db, orderId: string): PromiseLike<SaleLine[]> {
  return saleLinesRows(tx, orderId);
}

/** The purchase row of one line: the price split by the segment's rate. */
function saleOf(order: OrderRow, payment: SalePayment, line: SaleLine, now: Date): PurchaseInsert {
  const split = splitSale(money(line.price, order.currency), commissionBpsOf(line.commissionBps == null ? undefined : { commissionBps: line.commissionBps }));
  return {
    id: newId('pur'),
    orderId: order.id,
    leadId: line.leadId,
    buyerOrgId: order.buyerOrgId,
    sellerOrgId: line.sellerOrgId,
    price: line.price,
    commission: split.commission.amount,
    sellerNet: split.sellerNet.amount,
    margin: 0,
    currency: order.currency,
    paymentIntentId: payment.paymentIntentId,
    paidWith: payment.via,
    campaignId: null,
    purchasedAt: now,
  };
}

/** What a conversion reads of a locked order: its active lines and who hears that it was paid. */
export interface SaleReads {
  lines: SaleLine[];
  recipients: NotificationRecipients;
}

/** The order's SaleReads, lazy: send them right after the order's lock (or after its lines are re-activated). */
export function saleReadsOf(tx: Db, orderId: string): PromiseLike<SaleReads> {
  return lazy(together(saleLinesOf(tx, orderId), orderPaidRecipients(tx, orderId)), ([lines, recipients]) => ({ lines, recipients }));
}

/**
 * Turns the order's held capacity into sales: purchases, lead counters, the payment's ledger entry, the order
 * PAID, its notifications and audit entry. The one conversion of a paid order, for card and wallet payments alike;
 * runs in the caller's transaction with the order row locked. `reads`: the order's saleReadsOf, when the caller sent
 * them with the lock; otherwise they are read first. Every write then goes in one statement (sale-statement.ts).
 */
export async function convertOrderToSales(tx: Db, order: OrderRow, payment: SalePayment, now: Date, reads?: SaleReads): Promise<void> {
  assertTransition(ORDER_LIFECYCLE, order.status, 'PAID', 'SYSTEM');
  const { lines: sold, recipients } = reads ?? (await saleReadsOf(tx, order.id));
  const sales = sold.map((l) => saleOf(order, payment, l, now));
  const notices = orderPaidNotifications(
    order.id,
    sales.map((p, i) => ({
      id: p.id,
      leadId: p.leadId,
      buyerOrgId: p.buyerOrgId,
      sellerOrgId: p.sellerOrgId,
      price: p.price,
      net: p.sellerNet,
      currency: p.currency,
      segment: sold[i]!.segment,
    })),
  );
  await writeSale(tx, {
    orderId: order.id,
    paymentIntentId: payment.paymentIntentId,
    now,
    purchases: sales,
    ledger: ledgerRows(payment.entry),
    notifications: notificationRows(notices, recipients),
    audit: auditRow({
      actor: null,
      action: 'order.paid',
      target: { type: 'order', id: order.id, organizationId: order.buyerOrgId },
      details: {
        amount: order.total,
        currency: order.currency,
        leads: sold.length,
        via: payment.via,
        paymentIntentId: payment.paymentIntentId,
        ...payment.details,
      },
      at: now,
    }),
  });
}

/** A card payment's conversion: the Stripe balance gains the money, escrow holds it. */
function convertToSales(tx: Db, order: OrderRow, payment: PaymentReceived, now: Date, reads?: SaleReads): Promise<void> {
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
    reads,
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
  // the order's lines and who hears of its payment are read with its lock (one round trip, after it): what a RESERVED order converts
  const [[order], reads] = await inOneRoundTrip(tx, lockOrder(tx, payment.orderId), saleReadsOf(tx, payment.orderId));
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
  if (order.status === 'RESERVED') {
    await convertToSales(tx, order, payment, now, reads);
    return { result: 'PAID', orderId: order.id };
  }
  // a late payment re-activates the lines, so its conversion reads them again
  if (await retakeCapacity(tx, order, now)) {
    await convertToSales(tx, order, payment, now);
    return { result: 'PAID', orderId: order.id };
  }
  return { result: 'REFUND_DUE', orderId: order.id, refundId: await bookForRefund(tx, order, payment, now, `the order was ${order.status.toLowerCase()}`) };
}
