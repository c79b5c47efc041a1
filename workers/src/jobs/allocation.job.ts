// allocation: offer a batch's newly listed leads to the matching campaigns. Payload: { batchId }.
import { QUEUE, ZAllocationJob, type AppDeps } from '@leadex/core';
import { allocateBatch } from '@leadex/core/domain/exchange/allocate-lead';

export const allocationJob = {
  queue: QUEUE.allocation,
  concurrency: 2,
  // Safe twice: each lead is allocated under its row lock, a buyer who already holds it is skipped, and a
  // lead without capacity left is not offered again.
  async run(deps: AppDeps, data: unknown) {
    const { batchId } = ZAllocationJob.parse(data);
    return allocateBatch(deps, batchId);
  },
};
