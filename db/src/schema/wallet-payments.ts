// Marketplace orders paid from the buyer's prepaid wallet: one row per order, so an order is paid from it once.
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './accounts';
import { createdAt, id, money } from './columns';
import { orders } from './orders';

export const walletPayments = pgTable(
  'wallet_payments',
  {
    id: id(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('wallet_payments_order_uq').on(t.orderId), index('wallet_payments_buyer_idx').on(t.buyerOrgId, t.createdAt)],
);
