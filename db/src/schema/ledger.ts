// The double-entry ledger: balanced transactions of signed postings (debits positive, credits negative).
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, money, ts } from './columns';

export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: id(),
    // the business event it records, e.g. "payment:ord_…", "sale:pur_…"; unique so nothing posts twice
    eventKey: text('event_key').notNull(),
    kind: text('kind').notNull(),
    memo: text('memo'),
    occurredAt: ts('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_transactions_event_uq').on(t.eventKey)],
);

export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: id(),
    transactionId: text('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    // "platform:stripe_balance", "platform:escrow", "platform:revenue", "seller:<org>:payable", "buyer:<org>:wallet"
    account: text('account').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_postings_tx_idx').on(t.transactionId), index('ledger_postings_account_idx').on(t.account)],
);
