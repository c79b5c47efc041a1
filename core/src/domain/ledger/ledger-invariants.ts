// The ledger's invariants (docs/domain.md, Ledger), checked by the tests after concurrency and faults, and on demand:
//   1. every transaction sums to zero;
//   2. escrow holds exactly the paid, unsettled, unrefunded sales;
//   3. the Stripe balance equals payments − refunds − payouts.
import { queryRows, sql, type Db } from '@leadex/db';
import { PLATFORM_ESCROW, PLATFORM_STRIPE_BALANCE } from './ledger-accounts';
import { balanceOf, owedBy } from './ledger-balances';

export interface InvariantReport {
  ok: boolean;
  violations: string[];
  figures: { escrow: number; escrowedSales: number; stripeBalance: number; payments: number; refunds: number; payouts: number };
}

export async function checkLedgerInvariants(db: Db): Promise<InvariantReport> {
  const violations: string[] = [];
  const unbalanced = await queryRows<{ transaction_id: string; total: string }>(
    db,
    sql`SELECT transaction_id, sum(amount)::text AS total FROM ledger_postings GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
  );
  for (const u of unbalanced) violations.push(`transaction ${u.transaction_id} sums to ${u.total}`);

  const [sales] = await queryRows<{ total: string | null }>(db, sql`SELECT sum(price - refunded_amount)::text AS total FROM purchases WHERE status = 'ESCROW'`);
  const escrowedSales = Number(sales?.total ?? 0);
  const escrow = await owedBy(db, PLATFORM_ESCROW);
  if (escrow !== escrowedSales) violations.push(`escrow holds ${escrow} but paid, unsettled, unrefunded sales are ${escrowedSales}`);

  // payments, refunds and payouts as Stripe saw them, from the platform's own records
  const [flows] = await queryRows<{ payments: string | null; refunds: string | null; payouts: string | null }>(
    db,
    sql`SELECT
          (SELECT sum(p.amount) FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
             WHERE p.account = ${PLATFORM_STRIPE_BALANCE} AND t.kind IN ('PAYMENT', 'TOP_UP', 'UNMATCHED_PAYMENT'))::text AS payments,
          (SELECT sum(amount) FROM refunds WHERE status = 'SUCCEEDED' AND destination = 'STRIPE')::text AS refunds,
          (SELECT sum(amount) FROM payouts WHERE status <> 'FAILED')::text AS payouts`,
  );
  // card payments are orders and wallet top-ups, plus payments that matched neither (each owed back by one full refund)
  const [paid] = await queryRows<{ total: string | null }>(
    db,
    sql`SELECT ((SELECT coalesce(sum(total), 0) FROM orders WHERE paid_at IS NOT NULL AND payment_intent_id IS NOT NULL)
              + (SELECT coalesce(sum(amount), 0) FROM wallet_top_ups WHERE status = 'PAID')
              + (SELECT coalesce(sum(amount), 0) FROM refunds WHERE idempotency_key LIKE 'unmatched-payment-%'))::text AS total`,
  );
  const payments = Number(flows?.payments ?? 0);
  const refunds = Number(flows?.refunds ?? 0);
  const payouts = Number(flows?.payouts ?? 0);
  if (payments !== Number(paid?.total ?? 0)) violations.push(`payments posted ${payments} but orders paid ${Number(paid?.total ?? 0)}`);
  const stripeBalance = await balanceOf(db, PLATFORM_STRIPE_BALANCE);
  if (stripeBalance !== payments - refunds - payouts) {
    violations.push(`Stripe balance ${stripeBalance} ≠ payments ${payments} − refunds ${refunds} − payouts ${payouts}`);
  }
  return { ok: violations.length === 0, violations, figures: { escrow, escrowedSales, stripeBalance, payments, refunds, payouts } };
}
