import type { Db } from '@leadex/db';
import { money } from '../shared/money';
import { credit, debit, postLedgerTransaction } from './post-transaction';

// entries refused before the database is touched
const noDb = null as unknown as Db;
const at = new Date('2026-11-23T12:00:00Z');

describe('ledger postings', () => {
  it('signs a debit positive and its credit negative, in the same currency', () => {
    expect(debit('platform:stripe_balance', money(1250, 'USD'))).toEqual({ account: 'platform:stripe_balance', amount: money(1250, 'USD') });
    expect(credit('platform:escrow', money(1250, 'USD'))).toEqual({ account: 'platform:escrow', amount: money(-1250, 'USD') });
    expect(Object.is(credit('platform:escrow', money(0, 'USD')).amount.amount, 0)).toBe(true);
  });

  it('refuses an entry that does not balance', async () => {
    const postings = [debit('a', money(100, 'USD')), credit('b', money(99, 'USD'))];
    await expect(postLedgerTransaction(noDb, { eventKey: 'e:1', kind: 'TEST', occurredAt: at, postings })).rejects.toThrow(/does not balance/);
  });

  it('refuses an entry that mixes currencies, even when the numbers balance', async () => {
    const postings = [debit('a', money(100, 'USD')), credit('b', money(100, 'EUR'))];
    await expect(postLedgerTransaction(noDb, { eventKey: 'e:2', kind: 'TEST', occurredAt: at, postings })).rejects.toThrow(/mixes currencies/);
  });
});
