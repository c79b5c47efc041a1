// A dispute's status: it stays OPEN until an operator (or the automatic re-check, as SYSTEM) decides it.
// Both decisions are final: a decided dispute is never decided again (DISPUTE_ALREADY_RESOLVED).
import type { DisputeStatus } from '@leadex/db';
import { DISPUTE_STATUSES } from '@leadex/db';
import { defineLifecycle, isFinal } from '../shared/lifecycle';

export const DISPUTE_LIFECYCLE = defineLifecycle<DisputeStatus>({
  entity: 'dispute',
  statuses: DISPUTE_STATUSES,
  transitions: {
    // an operator accepts or rejects; a re-check that upholds the complaint accepts it automatically
    OPEN: { ACCEPTED: ['OPERATOR', 'SYSTEM'], REJECTED: ['OPERATOR'] },
  },
});

/** Undecided disputes: while one exists its sale stays in escrow. */
export const UNDECIDED_DISPUTE_STATUSES: readonly DisputeStatus[] = DISPUTE_STATUSES.filter((s) => !isFinal(DISPUTE_LIFECYCLE, s));
