// settlement: mature sales, record and send payouts, leave a report (on a job scheduler).
import { QUEUE, type AppDeps } from '@leadex/core';
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';

export const settlementJob = {
  queue: QUEUE.settlement,
  concurrency: 1,
  // Safe twice: runs serialize on an advisory lock, settled sales are never settled again, and a payout is
  // recorded before it is sent and sent with its own idempotency key.
  async run(deps: AppDeps) {
    const run = await runSettlement(deps);
    return { runId: run.id, matured: run.maturedSales, payouts: run.payoutsCount };
  },
};
