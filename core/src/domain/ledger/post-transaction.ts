// Writes one balanced ledger transaction inside the caller's database transaction, at most once per event.
import { schema, type Db } from '@leadex/db';
import { newId } from '../shared/ids';

export interface Posting {
  account: string;
  amount: number; // minor units; debit > 0, credit < 0
}

export interface LedgerEntry {
  /** the business event, e.g. `payment:ord_…`; a second post of the same key does nothing */
  eventKey: string;
  kind: string;
  memo?: string;
  occurredAt: Date;
  currency: string;
  postings: Posting[];
}

/**
 * Posts the entry; returns false when the event was already posted. Must run inside the same
 * transaction as the state change it records. A database trigger re-checks the balance at commit.
 */
export async function postLedgerTransaction(tx: Db, entry: LedgerEntry): Promise<boolean> {
  const postings = entry.postings.filter((p) => p.amount !== 0);
  const sum = postings.reduce((s, p) => s + p.amount, 0);
  if (sum !== 0) throw new Error(`ledger entry ${entry.eventKey} does not balance (${sum})`);
  if (postings.some((p) => !Number.isSafeInteger(p.amount))) throw new Error(`ledger entry ${entry.eventKey} has a non-integer amount`);
  const id = newId('jrn');
  const inserted = await tx
    .insert(schema.ledgerTransactions)
    .values({ id, eventKey: entry.eventKey, kind: entry.kind, memo: entry.memo ?? null, occurredAt: entry.occurredAt })
    .onConflictDoNothing({ target: schema.ledgerTransactions.eventKey })
    .returning({ id: schema.ledgerTransactions.id });
  if (!inserted.length) return false;
  if (postings.length) {
    await tx.insert(schema.ledgerPostings).values(postings.map((p) => ({ id: newId('pst'), transactionId: id, account: p.account, amount: p.amount, currency: entry.currency })));
  }
  return true;
}
