// A paid order's writes as one statement (issue 17): the leads' reservations become sales, the purchases, the
// payment's ledger entry, the order PAID, its notifications and its audit entry — data-modifying CTEs of one
// `WITH … SELECT 1` (shared/one-statement.ts says what holds for such a statement), built once per shape
// (shared/built-once.ts) instead of seven statements built per call. What the rows say is decided in record-payment.ts.
import { schema, type Db } from '@leadex/db';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { builtOnce, rowValues, slot, slotRows, slots, slotValues } from '../shared/built-once';
import { oneStatementSql } from '../shared/one-statement';
import { salesAndSoldOut } from '../leads/lead-status-sql';
import { AUDIT_ROW_FIELDS } from '../audit/record-audit';
import { LEDGER_POSTING_FIELDS, LEDGER_TRANSACTION_FIELDS, type ledgerRows } from '../ledger/post-transaction';
import type { NotificationRows } from '../notifications/queue-notification';

const { leads, orders, purchases, ledgerTransactions, ledgerPostings, notifications, notificationOutbox, auditLog } = schema;

/** Every column a sale's purchase row is written with (a card or wallet order's, or a campaign win's). */
export const PURCHASE_FIELDS = [
  'id',
  'orderId',
  'leadId',
  'buyerOrgId',
  'sellerOrgId',
  'price',
  'commission',
  'sellerNet',
  'margin',
  'currency',
  'paymentIntentId',
  'paidWith',
  'campaignId',
  'purchasedAt',
] as const;

export type PurchaseInsert = Required<Pick<typeof purchases.$inferInsert, (typeof PURCHASE_FIELDS)[number]>>;

const NOTIFICATION_FIELDS = ['id', 'userId', 'organizationId', 'event', 'eventKey', 'data'] as const;

// the shape: how many lines (leads, purchases), postings, in-app rows and e-mails; each part's values are slots
const saleStatement = builtOnce((db, lines: number, postings: number, inApp: number, emails: number) => {
  const writes: Record<string, { getSQL(): SQL }> = {
    sold: db
      .update(leads)
      .set({ reservedCount: sql`${leads.reservedCount} - 1`, ...salesAndSoldOut(1) })
      .where(inArray(leads.id, slots('lead', lines))),
    bought: db.insert(purchases).values(slotRows('p_', PURCHASE_FIELDS, lines) as unknown as (typeof purchases.$inferInsert)[]),
    // the payment's event key is new (the order is locked and RESERVED): a second entry fails the sale, never skips it
    journal: db.insert(ledgerTransactions).values(slotRows('j_', LEDGER_TRANSACTION_FIELDS, 1) as unknown as (typeof ledgerTransactions.$inferInsert)[]),
    paid: db
      .update(orders)
      .set({
        status: 'PAID',
        paidAt: slot('now') as unknown as Date,
        paymentIntentId: slot('paymentIntentId') as unknown as string,
        closedAt: slot('now') as unknown as Date,
      })
      .where(eq(orders.id, slot('order'))),
    audited: db.insert(auditLog).values(slotRows('a_', AUDIT_ROW_FIELDS, 1) as unknown as (typeof auditLog.$inferInsert)[]),
  };
  if (postings)
    writes.posted = db.insert(ledgerPostings).values(slotRows('s_', LEDGER_POSTING_FIELDS, postings) as unknown as (typeof ledgerPostings.$inferInsert)[]);
  if (inApp)
    writes.in_app = db
      .insert(notifications)
      .values(slotRows('n_', NOTIFICATION_FIELDS, inApp) as unknown as (typeof notifications.$inferInsert)[])
      .onConflictDoNothing();
  if (emails)
    writes.emails = db
      .insert(notificationOutbox)
      .values(slotRows('e_', NOTIFICATION_FIELDS, emails) as unknown as (typeof notificationOutbox.$inferInsert)[])
      .onConflictDoNothing();
  return db.execute(oneStatementSql(writes));
});

export interface SaleWrites {
  orderId: string;
  /** null for a wallet payment */
  paymentIntentId: string | null;
  now: Date;
  /** one per line, in lead id order: each lead's reservation becomes its sale */
  purchases: PurchaseInsert[];
  ledger: ReturnType<typeof ledgerRows>;
  notifications: NotificationRows;
  audit: typeof schema.auditLog.$inferInsert;
}

/** Writes a paid order's sale in one statement (one round trip): see the top of this file. */
export function writeSale(tx: Db, sale: SaleWrites): PromiseLike<unknown> {
  const { purchases: sold, ledger, notifications: notices } = sale;
  return saleStatement(tx, [sold.length, ledger.postings.length, notices.inApp.length, notices.emails.length], {
    order: sale.orderId,
    paymentIntentId: sale.paymentIntentId,
    now: sale.now,
    ...slotValues(
      'lead',
      sold.map((p) => p.leadId),
    ),
    ...rowValues('p_', PURCHASE_FIELDS, sold),
    ...rowValues('j_', LEDGER_TRANSACTION_FIELDS, [ledger.transaction]),
    ...rowValues('s_', LEDGER_POSTING_FIELDS, ledger.postings),
    ...rowValues('n_', NOTIFICATION_FIELDS, notices.inApp),
    ...rowValues('e_', NOTIFICATION_FIELDS, notices.emails),
    ...rowValues('a_', AUDIT_ROW_FIELDS, [sale.audit]),
  });
}
