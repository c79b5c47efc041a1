// reprice: recompute list prices of leads on offer (after grid edits, and daily as freshness decays).
import { QUEUE, ZRepriceJob, repriceLeads, type AppDeps } from '@leadex/api';

export const repriceJob = {
  queue: QUEUE.reprice,
  schema: ZRepriceJob,
  concurrency: 1,
  // Safe twice: repricing is a pure function of the grid, the factors and the clock; a rerun rewrites the same prices.
  async run(deps: AppDeps, data: unknown) {
    ZRepriceJob.parse(data);
    return { repriced: await repriceLeads(deps.db, deps.clock()) };
  },
};
