// Writes one balanced ledger transaction inside the caller's database transaction, at most once per event.
import { schema, type Db } from '@leadex/db';
import { newId } from '../shared/ids';
import { money, type Money } from '../shared/money';

export interface Posting {
  account: string;
  /** debit > 0, credit < 0 */
  amount: Money;
}

/** A posting that adds `amount` to an asset (the Stripe balance) or takes it off a liability (escrow, a wallet). */
export function debit(account: string, amount: Money): Posting {
  return { account, amount };
}

/** A posting that takes `amount` off an asset or adds it to a liability: the other side of a debit. */
export function credit(account: string, amount: Money): Posting {
  // 0 - x rather than -x: a zero credit is 0, not -0
  return { account, amount: money(0 - amount.amount, amount.currency) };
}

export interface LedgerEntry {
  /** the business event, e.g. `payment:ord_…`; a second post of the same key does nothing */
  eventKey: string;
  kind: string;
  memo?: string;
  occurredAt: Date;
  /** in one currency: an entry never converts money */
  postings: Posting[];
}

/**
 * Posts the entry; returns false when the event was already posted. Must run inside the same
 * transaction as the state change it records. A database trigger re-checks the balance at commit.
 */
export async function postLedgerTransaction(tx: Db, entry: LedgerEntry): Promise<boolean> {
  const postings = checkedPostings(entry);
  const id = newId('jrn');
  const inserted = await transactionRow(tx, id, entry).returning({ id: schema.ledgerTransactions.id });
  if (!inserted.length) return false;
  if (postings.length) {
    await tx
      .insert(schema.ledgerPostings)
      .values(postings.map((p) => ({ id: newId('pst'), transactionId: id, account: p.account, amount: p.amount.amount, currency: p.amount.currency })));
  }
  return true;
}

/** The columns of ledgerRows' rows, for a built-once insert of them (shared/built-once.ts slotRows). */
export const LEDGER_TRANSACTION_FIELDS = ['id', 'eventKey', 'kind', 'memo', 'occurredAt'] as const;
export const LEDGER_POSTING_FIELDS = ['id', 'transactionId', 'account', 'amount', 'currency'] as const;

/**
 * The entry's rows, checked as every entry is. For a caller that writes the entries of several events in one
 * statement (their event keys new, as a sale's are); the balance trigger re-checks at commit.
 */
export function ledgerRows(entry: LedgerEntry): {
  transaction: typeof schema.ledgerTransactions.$inferInsert;
  postings: (typeof schema.ledgerPostings.$inferInsert)[];
} {
  const postings = checkedPostings(entry);
  const id = newId('jrn');
  return {
    transaction: { id, eventKey: entry.eventKey, kind: entry.kind, memo: entry.memo ?? null, occurredAt: entry.occurredAt },
    postings: postings.map((p) => ({ id: newId('pst'), transactionId: id, account: p.account, amount: p.amount.amount, currency: p.amount.currency })),
  };
}

/** The entry's non-zero postings, after the checks every entry passes: one currency, integer amounts, balanced. */
function checkedPostings(entry: LedgerEntry): Posting[] {
  const currencies = [...new Set(entry.postings.map((p) => p.amount.currency))];
  if (currencies.length > 1) throw new Error(`ledger entry ${entry.eventKey} mixes currencies (${currencies.join(', ')})`);
  const postings = entry.postings.filter((p) => p.amount.amount !== 0);
  if (postings.some((p) => !Number.isSafeInteger(p.amount.amount))) throw new Error(`ledger entry ${entry.eventKey} has a non-integer amount`);
  const sum = postings.reduce((s, p) => s + p.amount.amount, 0);
  if (sum !== 0) throw new Error(`ledger entry ${entry.eventKey} does not balance (${sum})`);
  return postings;
}

/** The transaction row, at most once per event key. */
function transactionRow(tx: Db, id: string, entry: LedgerEntry) {
  return tx
    .insert(schema.ledgerTransactions)
    .values({ id, eventKey: entry.eventKey, kind: entry.kind, memo: entry.memo ?? null, occurredAt: entry.occurredAt })
    .onConflictDoNothing({ target: schema.ledgerTransactions.eventKey });
}
