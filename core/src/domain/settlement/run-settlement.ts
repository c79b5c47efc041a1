// A settlement run (worker `settlement`, on a schedule): mature sales, record due payouts, send them, report.
import { schema, sql } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { newId } from '../shared/ids';
import { parseDecimal } from '../shared/money';
import { matureSales } from './mature-sales';
import { pendingPayoutIds, recordDuePayouts, sendPayout } from './payouts';

const { settlementRuns } = schema;
export type SettlementRunRow = typeof settlementRuns.$inferSelect;

/**
 * Safe to run twice or concurrently: runs take a transaction-level advisory lock, settled sales are never
 * settled again, a seller with a payout in flight gets no second one, and every transfer carries its key.
 */
export async function runSettlement(deps: AppDeps, asOf: Date = deps.clock()): Promise<SettlementRunRow> {
  const currency = deps.config.PLATFORM_CURRENCY;
  const minPayout = parseDecimal(deps.config.MIN_PAYOUT, currency)!;
  const runId = newId('stl');
  const recorded = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-settlement'))`);
    const now = deps.clock();
    await tx.insert(settlementRuns).values({ id: runId, status: 'RUNNING', asOf, currency, startedAt: now });
    const matured = await matureSales(tx, runId, asOf, currency);
    const payouts = await recordDuePayouts(tx, runId, minPayout, currency, now);
    await tx
      .update(settlementRuns)
      .set({
        maturedSales: matured.reduce((s, m) => s + m.sales, 0),
        maturedAmount: matured.reduce((s, m) => s + m.amount, 0),
        commissionAmount: matured.reduce((s, m) => s + m.commission, 0),
        payoutsCount: payouts.length,
        payoutsAmount: payouts.reduce((s, p) => s + p.amount, 0),
        report: { matured, payouts: payouts.map((p) => ({ id: p.id, sellerOrgId: p.sellerOrgId, amount: p.amount })) },
      })
      .where(eq(settlementRuns.id, runId));
    return payouts;
  });
  // after commit: send this run's payouts and any left PENDING by an earlier, interrupted run
  const outcomes: Record<string, string> = {};
  for (const id of await pendingPayoutIds(deps.db)) outcomes[id] = await sendPayout(deps, id);
  const [run] = await deps.db
    .update(settlementRuns)
    .set({ status: 'COMPLETED', finishedAt: deps.clock(), report: sql`${settlementRuns.report} || ${JSON.stringify({ sent: outcomes, recorded: recorded.length })}::jsonb` })
    .where(eq(settlementRuns.id, runId))
    .returning();
  return run!;
}
