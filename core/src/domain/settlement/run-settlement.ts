// A settlement run (worker `settlement`, on a schedule): mature sales, record due payouts, send them, report.
import { schema, sql, type SettlementRunStatus } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { fromStatuses } from '../shared/lifecycle';
import { money, parseDecimal } from '../shared/money';
import { matureSales } from './mature-sales';
import { pendingPayoutIds, recordDuePayouts, sendPayout } from './payouts';
import { SETTLEMENT_RUN_LIFECYCLE } from './settlement-run.lifecycle';

const { settlementRuns } = schema;
export type SettlementRunRow = typeof settlementRuns.$inferSelect;

const STARTED: SettlementRunStatus = 'RUNNING';

/**
 * Safe to run twice or concurrently: runs take a transaction-level advisory lock, settled sales are never
 * settled again, a seller with a payout in flight gets no second one, and every transfer carries its key.
 */
export async function runSettlement(deps: AppDeps, asOf: Date = deps.clock(), actor: Actor | null = null): Promise<SettlementRunRow> {
  const currency = deps.config.PLATFORM_CURRENCY;
  const minPayout = money(parseDecimal(deps.config.MIN_PAYOUT, currency)!, currency);
  const runId = newId('stl');
  const recorded = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-settlement'))`);
    const now = deps.clock();
    await tx.insert(settlementRuns).values({ id: runId, status: STARTED, asOf, currency, startedAt: now });
    const matured = await matureSales(tx, runId, asOf, currency);
    const payouts = await recordDuePayouts(tx, runId, minPayout, now);
    await tx
      .update(settlementRuns)
      .set({
        maturedSales: matured.reduce((s, m) => s + m.sales, 0),
        maturedAmount: matured.reduce((s, m) => s + m.amount.amount, 0),
        commissionAmount: matured.reduce((s, m) => s + m.commission.amount, 0),
        payoutsCount: payouts.length,
        payoutsAmount: payouts.reduce((s, p) => s + p.amount, 0),
        // the report keeps minor units as plain numbers, as operators' tools read it
        report: {
          matured: matured.map((m) => ({
            sellerOrgId: m.sellerOrgId,
            sales: m.sales,
            amount: m.amount.amount,
            commission: m.commission.amount,
            sellerNet: m.sellerNet.amount,
          })),
          payouts: payouts.map((p) => ({ id: p.id, sellerOrgId: p.sellerOrgId, amount: p.amount })),
        },
      })
      .where(eq(settlementRuns.id, runId));
    // the schedule runs as the system; an operator's "run now" names the operator
    await recordAudit(tx, {
      actor,
      action: 'settlement.run',
      target: { type: 'settlement_run', id: runId, organizationId: null },
      details: {
        asOf: asOf.toISOString(),
        maturedSales: matured.reduce((s, m) => s + m.sales, 0),
        payouts: payouts.length,
        payoutsAmount: payouts.reduce((s, p) => s + p.amount, 0),
        currency,
      },
      at: now,
    });
    return payouts;
  });
  // after commit: send this run's payouts and any left PENDING by an earlier, interrupted run
  const outcomes: Record<string, string> = {};
  try {
    for (const id of await pendingPayoutIds(deps.db)) outcomes[id] = await sendPayout(deps, id);
  } catch (err) {
    // what was settled and recorded stays (the next run sends what is still pending); the run says it broke off
    await finishRun(deps, runId, 'FAILED', { sent: outcomes, recorded: recorded.length, error: (err as Error).message });
    throw err;
  }
  return finishRun(deps, runId, 'COMPLETED', { sent: outcomes, recorded: recorded.length });
}

async function finishRun(deps: AppDeps, runId: string, status: 'COMPLETED' | 'FAILED', report: Record<string, unknown>): Promise<SettlementRunRow> {
  const [run] = await deps.db
    .update(settlementRuns)
    .set({ status, finishedAt: deps.clock(), report: sql`${settlementRuns.report} || ${JSON.stringify(report)}::jsonb` })
    .where(and(eq(settlementRuns.id, runId), inArray(settlementRuns.status, fromStatuses(SETTLEMENT_RUN_LIFECYCLE, status, 'SYSTEM'))))
    .returning();
  if (!run) throw new DomainError('TRANSITION_NOT_ALLOWED', `Settlement run ${runId} is no longer running`);
  return run;
}
