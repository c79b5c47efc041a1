// reprice: expire leads past their segment's TTL, then recompute list prices of leads on offer (after grid
// edits, and daily as freshness decays).
import { QUEUE, ZRepriceJob, expireLeads, repriceLeads, type AppDeps } from '@leadex/core';

export const repriceJob = {
  queue: QUEUE.reprice,
  schema: ZRepriceJob,
  concurrency: 1,
  // Safe twice: expiry only moves LISTED leads past their TTL (an EXPIRED one no longer matches), and
  // repricing is a pure function of the grid, the factors and the clock; a rerun rewrites the same prices.
  async run(deps: AppDeps, data: unknown) {
    ZRepriceJob.parse(data);
    const now = deps.clock();
    const expired = await expireLeads(deps.db, now);
    return { expired, repriced: await repriceLeads(deps.db, now) };
  },
};
