// A settlement run (worker `settlement`, on a schedule): mature sales in chunks, record due payouts, send them, report.
import { schema, sql, type SettlementRunStatus } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { fromStatuses } from '../shared/lifecycle';
import { money, parseDecimal } from '../shared/money';
import { matureSellerChunk, sellersInEscrow, type MaturedBySeller } from './mature-sales';
import { pendingPayoutIds, recordDuePayouts, sendPayout } from './payouts';
import { nextChunkSize } from './settlement-chunks.rules';
import { SETTLEMENT_RUN_LIFECYCLE } from './settlement-run.lifecycle';

const { settlementRuns } = schema;
export type SettlementRunRow = typeof settlementRuns.$inferSelect;

const STARTED: SettlementRunStatus = 'RUNNING';

/**
 * Safe to run twice or concurrently: settled sales are never settled again (each chunk locks its sales and
 * skips ones another transaction holds), due payouts are recorded under a transaction-level advisory lock, a
 * seller with a payout in flight gets no second one, and every transfer carries its key.
 *
 * Mature sales are settled in chunks (issue 17): one seller's sales at a time, each chunk its own short
 * transaction with its own ledger entry, so a dispute or refund touching a sale waits at most one chunk. A run
 * that breaks off leaves what it settled settled and balanced; the next run settles the rest.
 */
export async function runSettlement(deps: AppDeps, asOf: Date = deps.clock(), actor: Actor | null = null): Promise<SettlementRunRow> {
  const currency = deps.config.PLATFORM_CURRENCY;
  const minPayout = money(parseDecimal(deps.config.MIN_PAYOUT, currency)!, currency);
  const runId = newId('stl');
  await deps.db.insert(settlementRuns).values({ id: runId, status: STARTED, asOf, currency, startedAt: deps.clock() });
  let settled: SettledChunks;
  try {
    settled = await settleInChunks(deps, runId, asOf);
  } catch (err) {
    await finishRun(deps, runId, 'FAILED', { error: (err as Error).message });
    throw err;
  }
  const matured = [...settled.bySeller.values()].sort((a, b) => (a.sellerOrgId < b.sellerOrgId ? -1 : 1));
  const recorded = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-settlement'))`);
    const now = deps.clock();
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
          chunks: settled.chunks,
          longestChunkMs: Math.round(settled.longestChunkMs),
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

interface SettledChunks {
  bySeller: Map<string, MaturedBySeller>;
  chunks: number;
  longestChunkMs: number;
}

/** Every seller's mature sales, SETTLEMENT_CHUNK_WORKERS sellers at a time, chunk by chunk. */
async function settleInChunks(deps: AppDeps, runId: string, asOf: Date): Promise<SettledChunks> {
  const { PLATFORM_CURRENCY: currency, SETTLEMENT_CHUNK_SIZE, SETTLEMENT_CHUNK_TARGET_MS, SETTLEMENT_CHUNK_WORKERS } = deps.config;
  const sizing = { targetMs: SETTLEMENT_CHUNK_TARGET_MS, min: Math.min(100, SETTLEMENT_CHUNK_SIZE), max: Math.max(20_000, SETTLEMENT_CHUNK_SIZE) };
  const result: SettledChunks = { bySeller: new Map(), chunks: 0, longestChunkMs: 0 };
  const queue = await sellersInEscrow(deps.db);
  let size = SETTLEMENT_CHUNK_SIZE;
  let broken = false;
  const work = async () => {
    for (let seller = queue.shift(); seller && !broken; seller = queue.shift()) {
      // the seller's escrow sales in id order, window after window, until a window comes back short
      for (let afterId = ''; !broken;) {
        const chunk = result.chunks++;
        const limit = size;
        const started = performance.now();
        const done = await deps.db.transaction((tx) => matureSellerChunk(tx, runId, chunk, { sellerOrgId: seller!, afterId, limit }, asOf, currency));
        const elapsed = performance.now() - started;
        result.longestChunkMs = Math.max(result.longestChunkMs, elapsed);
        if (done.matured) addMatured(result.bySeller, done.matured);
        size = nextChunkSize(limit, done.scanned, elapsed, sizing);
        if (done.scanned < limit || !done.lastId) break;
        afterId = done.lastId;
      }
    }
  };
  // when one worker breaks off the others finish the chunk they are in, so the run's report counts what committed
  const outcomes = await Promise.allSettled(
    Array.from({ length: SETTLEMENT_CHUNK_WORKERS }, () =>
      work().catch((err: unknown) => {
        broken = true;
        throw err;
      }),
    ),
  );
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
  return result;
}

function addMatured(bySeller: Map<string, MaturedBySeller>, chunk: MaturedBySeller): void {
  const seen = bySeller.get(chunk.sellerOrgId);
  if (!seen) {
    bySeller.set(chunk.sellerOrgId, chunk);
    return;
  }
  bySeller.set(chunk.sellerOrgId, {
    sellerOrgId: chunk.sellerOrgId,
    sales: seen.sales + chunk.sales,
    amount: money(seen.amount.amount + chunk.amount.amount, chunk.amount.currency),
    commission: money(seen.commission.amount + chunk.commission.amount, chunk.commission.currency),
    sellerNet: money(seen.sellerNet.amount + chunk.sellerNet.amount, chunk.sellerNet.currency),
  });
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
