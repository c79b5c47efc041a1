// spot-check: decide a submitted batch (sample, check, list or reject). Payload: { batchId }.
import { QUEUE, ZSpotCheckJob, runSpotCheck, type AppDeps } from '@leadex/core';

export const spotCheckJob = {
  queue: QUEUE.spotCheck,
  schema: ZSpotCheckJob,
  concurrency: 2,
  // Safe twice: runSpotCheck locks the batch row and leaves a batch that already has a verdict alone.
  async run(deps: AppDeps, data: unknown) {
    const { batchId } = ZSpotCheckJob.parse(data);
    return runSpotCheck(deps, batchId);
  },
};
