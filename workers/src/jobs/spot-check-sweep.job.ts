// spot-check-sweep: re-enqueues batches still waiting for a verdict (their enqueue failed, e.g. Redis was away).
import { QUEUE, findPendingBatches, type AppDeps } from '@leadex/core';

export const spotCheckSweepJob = {
  queue: QUEUE.spotCheckSweep,
  concurrency: 1,
  // Safe twice: the spot-check job id is the batch id, so a batch already queued is not queued again.
  async run(deps: AppDeps) {
    const ids = await findPendingBatches(deps, new Date(deps.clock().getTime() - 60_000));
    for (const batchId of ids) await deps.jobs.enqueueSpotCheck({ batchId });
    return { requeued: ids.length };
  },
};
