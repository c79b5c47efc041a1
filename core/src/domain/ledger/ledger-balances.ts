// Account balances, for operators and the invariant checks.
import { queryRows, sql, type Db } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { requireRole, type Actor } from '../auth/access';
import { money, type Money } from '../shared/money';

export interface AccountBalance {
  account: string;
  balance: Money;
}

export async function accountBalances(db: Db): Promise<AccountBalance[]> {
  const rows = await queryRows<{ account: string; balance: string; currency: string }>(
    db,
    sql`SELECT account, currency, sum(amount)::text AS balance FROM ledger_postings GROUP BY account, currency ORDER BY account`,
  );
  return rows.map((r) => ({ account: r.account, balance: money(Number(r.balance), r.currency) }));
}

export async function balanceOf(db: Db, account: string): Promise<number> {
  const [row] = await queryRows<{ balance: string | null }>(db, sql`SELECT sum(amount)::text AS balance FROM ledger_postings WHERE account = ${account}`);
  return Number(row?.balance ?? 0);
}

/** What a liability account (escrow, a wallet, a seller's payable) owes: its credit balance, as a positive number. */
export async function owedBy(db: Db, account: string): Promise<number> {
  // 0 - x rather than -x: an empty account owes 0, not -0
  return 0 - (await balanceOf(db, account)) || 0;
}

export async function ledgerBalances(deps: AppDeps, actor: Actor | null): Promise<AccountBalance[]> {
  requireRole(actor, 'OPERATOR');
  return accountBalances(deps.db);
}
