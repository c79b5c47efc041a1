// Orders (reservations of capacity), their lines, purchases (paid sales) and processed Stripe events.
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, integer } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts';
import { createdAt, id, money, ts } from './columns';
import { leads } from './leads';
import type { OrderStatus, PurchaseStatus, RefundStatus } from './statuses';

export type PaidWith = 'STRIPE' | 'WALLET';
export type RefundDestination = 'STRIPE' | 'WALLET';

export const orders = pgTable(
  'orders',
  {
    id: id(),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    buyerUserId: text('buyer_user_id').references(() => users.id),
    status: text('status').$type<OrderStatus>().notNull(),
    total: money('total').notNull(),
    currency: text('currency').notNull(),
    discountBps: integer('discount_bps').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    idempotencyKey: text('idempotency_key'),
    // hash of the request that used the key: the same key with another request is refused
    requestHash: text('request_hash'),
    checkoutSessionId: text('checkout_session_id'),
    paymentIntentId: text('payment_intent_id'),
    paidAt: ts('paid_at'),
    closedAt: ts('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('orders_buyer_idem_uq')
      .on(t.buyerOrgId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    index('orders_buyer_idx').on(t.buyerOrgId, t.createdAt),
    index('orders_reserved_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'RESERVED'`),
    uniqueIndex('orders_checkout_uq')
      .on(t.checkoutSessionId)
      .where(sql`checkout_session_id is not null`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    buyerOrgId: text('buyer_org_id').notNull(),
    price: money('price').notNull(),
    // true while the line holds capacity (order RESERVED) or became a sale (PAID)
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    uniqueIndex('order_lines_pk').on(t.orderId, t.leadId),
    // a buyer never holds or buys the same lead twice, whatever the concurrency
    uniqueIndex('order_lines_active_buyer_uq')
      .on(t.leadId, t.buyerOrgId)
      .where(sql`active`),
  ],
);

export const purchases = pgTable(
  'purchases',
  {
    id: id(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    price: money('price').notNull(),
    commission: money('commission').notNull(),
    sellerNet: money('seller_net').notNull(),
    // an exchange sale's platform margin (margin.rules.ts): part of commission, carved off before the segment's rate
    margin: money('margin').notNull().default(0),
    currency: text('currency').notNull(),
    paymentIntentId: text('payment_intent_id'),
    // STRIPE (paid by card through an order) or WALLET (won by a campaign, paid from the prepaid wallet)
    paidWith: text('paid_with').$type<PaidWith>().notNull().default('STRIPE'),
    campaignId: text('campaign_id'),
    // set on a replacement lead given for an accepted return (remedy REPLACEMENT): no new charge; one per dispute
    replacementForDisputeId: text('replacement_for_dispute_id'),
    outcome: text('outcome').notNull().default('NEW'),
    outcomeReason: text('outcome_reason'),
    // ESCROW until settled (SETTLED) or fully refunded after an accepted dispute (REFUNDED)
    status: text('status').$type<PurchaseStatus>().notNull().default('ESCROW'),
    // refunded so far (a partial refund leaves the rest in escrow, to be settled)
    refundedAmount: money('refunded_amount').notNull().default(0),
    settledAt: ts('settled_at'),
    settlementRunId: text('settlement_run_id'),
    purchasedAt: ts('purchased_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('purchases_lead_buyer_uq').on(t.leadId, t.buyerOrgId),
    index('purchases_buyer_idx').on(t.buyerOrgId, t.purchasedAt),
    index('purchases_seller_idx').on(t.sellerOrgId, t.purchasedAt),
    index('purchases_order_idx').on(t.orderId),
    // the operator overview's window of days (issue 15)
    index('purchases_purchased_at_idx').on(t.purchasedAt),
    uniqueIndex('purchases_replacement_uq')
      .on(t.replacementForDisputeId)
      .where(sql`replacement_for_dispute_id is not null`),
    index('purchases_escrow_idx')
      .on(t.purchasedAt)
      .where(sql`status = 'ESCROW'`),
    // settlement's chunks: one seller's sales in escrow, in id order
    index('purchases_escrow_seller_idx')
      .on(t.sellerOrgId, t.id)
      .where(sql`status = 'ESCROW'`),
  ],
);

// Every Stripe event id processed once: a replay or duplicate delivery is a no-op.
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  objectId: text('object_id'),
  outcome: text('outcome').notNull(),
  receivedAt: createdAt(),
});

// Refunds the platform issued outside disputes (e.g. a payment that arrived after its capacity was gone).
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    orderId: text('order_id').references(() => orders.id),
    purchaseId: text('purchase_id').references(() => purchases.id),
    disputeId: text('dispute_id'),
    // the ledger account the refunded money leaves: escrow for a disputed sale, unapplied for a late payment
    sourceAccount: text('source_account').notNull().default('platform:unapplied_payments'),
    // STRIPE refunds the card; WALLET credits the buyer's wallet (purchases paid from it)
    destination: text('destination').$type<RefundDestination>().notNull().default('STRIPE'),
    reason: text('reason').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    paymentIntentId: text('payment_intent_id'),
    stripeRefundId: text('stripe_refund_id'),
    // the Stripe idempotency key: derived from the business event so a retry never refunds twice
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').$type<RefundStatus>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refunds_idem_uq').on(t.idempotencyKey),
    uniqueIndex('refunds_dispute_uq')
      .on(t.disputeId)
      .where(sql`dispute_id is not null`),
  ],
);
