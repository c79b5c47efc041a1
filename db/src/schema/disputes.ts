// Disputes over purchased leads, settlement runs and sellers' payouts.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts';
import { createdAt, id, money, ts } from './columns';
import { purchases } from './orders';
import type { ReturnRemedy } from './returns';
import type { DisputeStatus, PayoutStatus, SettlementRunStatus } from './statuses';

export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    purchaseId: text('purchase_id')
      .notNull()
      .references(() => purchases.id),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    reason: text('reason').notNull(), // INVALID_CONTACT | DUPLICATE | FAKE | NOT_INTERESTED | OUT_OF_GEO | OTHER
    evidence: text('evidence'),
    status: text('status').notNull().$type<DisputeStatus>(),
    refundAmount: money('refund_amount'),
    note: text('note'),
    // what the automatic check found, and whether it decided the dispute
    autoCheck: text('auto_check'),
    autoDecided: boolean('auto_decided').notNull().default(false),
    resolvedBy: text('resolved_by').references(() => users.id),
    idempotencyKey: text('idempotency_key'),
    openedAt: ts('opened_at').notNull(),
    resolvedAt: ts('resolved_at'),
    // what the buyer asked for (returns.ts RETURN_REMEDIES); the applied one when a replacement fell back to a wallet credit
    remedy: text('remedy').notNull().default('REFUND').$type<ReturnRemedy>(),
    // the lead's seller's answer, editable while the dispute is OPEN
    sellerResponse: text('seller_response'),
    sellerRespondedAt: ts('seller_responded_at'),
    // the purchase the buyer got instead (remedy REPLACEMENT)
    replacementPurchaseId: text('replacement_purchase_id'),
  },
  (t) => [
    // one dispute per purchase
    uniqueIndex('disputes_purchase_uq').on(t.purchaseId),
    index('disputes_status_idx').on(t.status, t.openedAt),
    index('disputes_buyer_idx').on(t.buyerOrgId, t.openedAt),
    // the operator overview's disputes a day, and the unfiltered queue newest first (issue 15)
    index('disputes_opened_idx').on(t.openedAt),
  ],
);

export const settlementRuns = pgTable('settlement_runs', {
  id: id(),
  status: text('status').notNull().$type<SettlementRunStatus>(),
  asOf: ts('as_of').notNull(),
  maturedSales: integer('matured_sales').notNull().default(0),
  maturedAmount: money('matured_amount').notNull().default(0),
  commissionAmount: money('commission_amount').notNull().default(0),
  payoutsCount: integer('payouts_count').notNull().default(0),
  payoutsAmount: money('payouts_amount').notNull().default(0),
  currency: text('currency').notNull(),
  report: jsonb('report').notNull().default({}),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
});

export const payouts = pgTable(
  'payouts',
  {
    id: id(),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    settlementRunId: text('settlement_run_id').references(() => settlementRuns.id),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    stripeAccountId: text('stripe_account_id').notNull(),
    stripeTransferId: text('stripe_transfer_id'),
    // sent to Stripe as the Idempotency-Key: a retry after a crash returns the same transfer
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').notNull().$type<PayoutStatus>(),
    failure: text('failure'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('payouts_idem_uq').on(t.idempotencyKey),
    index('payouts_pending_idx')
      .on(t.createdAt)
      .where(sql`status = 'PENDING'`),
  ],
);
