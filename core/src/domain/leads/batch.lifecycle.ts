// A lead batch's status: it waits for its spot-check verdict. A batch in which nothing was accepted is
// created REJECTED and never moves.
import type { BatchStatus } from '@leadex/db';
import { BATCH_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const BATCH_LIFECYCLE = defineLifecycle<BatchStatus>({
  entity: 'lead batch',
  statuses: BATCH_STATUSES,
  transitions: {
    // the verdict (the spot-check worker, or the last operator call of a manual sample) decides it once
    PENDING_VERIFICATION: { VERIFIED: ['SYSTEM'], FAILED: ['SYSTEM'] },
  },
});

/** The status a new batch starts in: waiting for its verdict, or REJECTED when none of its leads was accepted. */
export function initialBatchStatus(accepted: number): BatchStatus {
  return accepted > 0 ? 'PENDING_VERIFICATION' : 'REJECTED';
}
