// The statements of a purchase (createOrder, recordOrderPayment), built once per shape (shared/built-once.ts): every
// attempt on a busy market sends the look-ups, every purchase the writes, and drizzle would otherwise build each one's
// text again per call. Reads and writes only; what they mean is decided in create-order.ts and record-payment.ts.
import { schema, type Db } from '@leadex/db';
import { and, asc, eq, getTableColumns, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { builtOnce, slot, slotValues, slots } from '../shared/built-once';
import { lazy } from '../shared/one-round-trip';
import { ORDER_PAID_EVENTS } from '../notifications/domain-events';
import { RECIPIENT_COLUMNS, recipientsFromRows, type NotificationRecipients } from '../notifications/queue-notification';

const { leads, orders, orderLines, segments, buyerSuppressions } = schema;

/**
 * What an order reads of a lead while judging it (capacity, seller, price): the locks take only these columns, as
 * most attempts on a busy market end there (sold out); the order's answer gets whole rows from its update.
 */
export const JUDGED = {
  id: leads.id,
  sellerOrgId: leads.sellerOrgId,
  status: leads.status,
  expiresAt: leads.expiresAt,
  maxSales: leads.maxSales,
  salesCount: leads.salesCount,
  reservedCount: leads.reservedCount,
  price: leads.price,
  currency: leads.currency,
};
export type JudgedLead = Pick<typeof leads.$inferSelect, keyof typeof JUDGED>;

const HOLDS = { openOrders: sql<number>`count(DISTINCT ${orders.id})::int`, heldLeads: sql<number>`count(${orderLines.leadId})::int` };
const buyerHoldsStatement = builtOnce(
  (db) =>
    db
      .select(HOLDS)
      .from(orders)
      .leftJoin(orderLines, and(eq(orderLines.orderId, orders.id), eq(orderLines.active, true)))
      .where(and(eq(orders.buyerOrgId, slot('buyer')), eq(orders.status, 'RESERVED'), gt(orders.expiresAt, slot('now')))),
  HOLDS,
);

/** The buyer's RESERVED, unexpired orders and the leads on them. */
export function buyerHoldsRow(tx: Db, buyerOrgId: string, now: Date): PromiseLike<{ openOrders: number; heldLeads: number }> {
  // a slot compared with a column is not encoded by the column: the timestamp goes as text
  return lazy(buyerHoldsStatement(tx, [], { buyer: buyerOrgId, now: now.toISOString() }), ([row]) => ({
    openOrders: Number(row?.openOrders ?? 0),
    heldLeads: Number(row?.heldLeads ?? 0),
  }));
}

const CHOSEN = {
  ...JUDGED,
  // read with the lock, not after it: a buyer's list has no order with the orders it guards (an edit racing an order
  // may land either side of it), so the statement's own snapshot is as good as a later one
  suppressed: sql<boolean>`exists (select 1 from ${buyerSuppressions} where ${buyerSuppressions.buyerOrgId} = ${slot('buyer')} and ${buyerSuppressions.hash} in (${leads.phoneHash}, ${leads.emailHash}))`,
  // the buyer's own orders wait on its holds lock, taken before this statement began, so their lines are in its
  // snapshot; a line another path (a campaign win) commits while this waits for the lead is caught by the
  // order_lines_active_buyer_uq index when the order is written
  held: sql<boolean>`exists (select 1 from ${orderLines} where ${orderLines.buyerOrgId} = ${slot('buyer')} and ${orderLines.active} and ${orderLines.leadId} = ${leads.id})`,
};
const lockChosenStatement = builtOnce(
  (db, n: number) =>
    db
      .select(CHOSEN)
      .from(leads)
      .where(inArray(leads.id, slots('id', n)))
      .orderBy(asc(leads.id))
      .for('update'),
  CHOSEN,
);

/** Locks these leads in id order (`ids` sorted), answering what judges them, whether the buyer suppressed each and whether it holds or bought it (an active line). */
export function lockChosenLeadsById(tx: Db, buyerOrgId: string, ids: string[]): PromiseLike<(JudgedLead & { suppressed: boolean; held: boolean })[]> {
  return lockChosenStatement(tx, [ids.length], { buyer: buyerOrgId, ...slotValues('id', ids) });
}

export type OrderInsert = Required<
  Pick<
    typeof orders.$inferInsert,
    'id' | 'buyerOrgId' | 'buyerUserId' | 'status' | 'total' | 'currency' | 'discountBps' | 'expiresAt' | 'idempotencyKey' | 'requestHash' | 'createdAt'
  >
>;
const ORDER_FIELDS = [
  'id',
  'buyerOrgId',
  'buyerUserId',
  'status',
  'total',
  'currency',
  'discountBps',
  'expiresAt',
  'idempotencyKey',
  'requestHash',
  'createdAt',
] as const;
const reserveStatement = builtOnce((db, n: number) => {
  const order = db.insert(orders).values(Object.fromEntries(ORDER_FIELDS.map((f) => [f, slot(f)])) as unknown as typeof orders.$inferInsert);
  const lines = db
    .insert(orderLines)
    .values(Array.from({ length: n }, (_, i) => ({ orderId: slot('id'), buyerOrgId: slot('buyerOrgId'), leadId: slot(`lead${i}`), price: slot(`price${i}`) })));
  const reserved = db
    .update(leads)
    .set({ reservedCount: sql`${leads.reservedCount} + 1` })
    .where(inArray(leads.id, slots('lead', n)))
    .returning();
  // one statement: the lines' foreign key to the order is checked at its end, when the order row is there
  return db.execute(sql`WITH new_order AS (${order.getSQL()}), new_lines AS (${lines.getSQL()}) ${reserved.getSQL()}`);
}, getTableColumns(leads));

/**
 * The order, its lines (a unique violation order_lines_active_buyer_uq when the buyer already holds a lead) and one
 * more reservation on each of their leads, in one statement; answers the leads' rows as updated.
 */
export function reserveOrder(tx: Db, order: OrderInsert, lines: { leadId: string; price: number }[]): PromiseLike<(typeof leads.$inferSelect)[]> {
  const values = {
    ...order,
    ...slotValues(
      'lead',
      lines.map((l) => l.leadId),
    ),
    ...slotValues(
      'price',
      lines.map((l) => l.price),
    ),
  };
  return reserveStatement(tx, [lines.length], values) as PromiseLike<(typeof leads.$inferSelect)[]>;
}

const lockOrderStatement = builtOnce(
  (db) =>
    db
      .select()
      .from(orders)
      .where(eq(orders.id, slot('id')))
      .for('update'),
  getTableColumns(orders),
);

/** Locks the order row. */
export function lockOrder(tx: Db, orderId: string): PromiseLike<(typeof orders.$inferSelect)[]> {
  return lockOrderStatement(tx, [], { id: orderId });
}

const SALE_LINE = {
  leadId: orderLines.leadId,
  price: orderLines.price,
  sellerOrgId: leads.sellerOrgId,
  segment: leads.segment,
  commissionBps: segments.commissionBps,
};
const saleLinesStatement = builtOnce(
  (db) =>
    db
      .select(SALE_LINE)
      .from(orderLines)
      .innerJoin(leads, eq(leads.id, orderLines.leadId))
      .leftJoin(segments, eq(segments.code, leads.segment))
      .where(and(eq(orderLines.orderId, slot('order')), eq(orderLines.active, true)))
      .orderBy(asc(orderLines.leadId)),
  SALE_LINE,
);

/** The order's active lines in lead id order, with the lead's seller and segment and the segment's rate (null when gone). */
export function saleLinesRows(
  tx: Db,
  orderId: string,
): PromiseLike<{ leadId: string; price: number; sellerOrgId: string; segment: string; commissionBps: number | null }[]> {
  return saleLinesStatement(tx, [], { order: orderId });
}

const { users, notificationPreferences } = schema;
const orderPaidRecipientsStatement = builtOnce((db) => {
  const buyer = db
    .select({ org: orders.buyerOrgId })
    .from(orders)
    .where(eq(orders.id, slot('order')));
  const sellers = db
    .select({ org: leads.sellerOrgId })
    .from(orderLines)
    .innerJoin(leads, eq(leads.id, orderLines.leadId))
    .where(and(eq(orderLines.orderId, slot('order')), eq(orderLines.active, true)));
  return db
    .select(RECIPIENT_COLUMNS)
    .from(users)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), inArray(notificationPreferences.event, [...ORDER_PAID_EVENTS])))
    .where(and(or(inArray(users.organizationId, buyer), inArray(users.organizationId, sellers)), isNull(users.removedAt)))
    .orderBy(users.id);
}, RECIPIENT_COLUMNS);

/**
 * Who may hear that the order was paid — the buyer's users and those of its active lines' sellers, with their
 * preferences for ORDER_PAID_EVENTS — read from the order id, so it goes with the order's other reads.
 */
export function orderPaidRecipients(tx: Db, orderId: string): PromiseLike<NotificationRecipients> {
  return lazy(orderPaidRecipientsStatement(tx, [], { order: orderId }), recipientsFromRows);
}
