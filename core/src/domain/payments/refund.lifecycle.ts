// A refund's status: recorded PENDING in the transaction that decides it (an accepted dispute, a late or
// unmatched payment), SUCCEEDED once Stripe (or the wallet) has paid it back and the ledger has booked it.
// A Stripe call that fails leaves it PENDING for the retry job; nothing writes FAILED today.
import type { RefundStatus } from '@leadex/db';
import { REFUND_STATUSES } from '@leadex/db';
import { assertTransition, canTransition, defineLifecycle } from '../shared/lifecycle';

export const REFUND_LIFECYCLE = defineLifecycle<RefundStatus>({
  entity: 'refund',
  statuses: REFUND_STATUSES,
  transitions: {
    // issueRefund, from the webhook path, the dispute-refund job or the retry schedule
    PENDING: { SUCCEEDED: ['SYSTEM'] },
  },
});

/**
 * Whether issuing this refund again has nothing left to do: true for one already SUCCEEDED (a retry, two
 * workers at once), false for one still to pay; any other status throws TRANSITION_NOT_ALLOWED.
 */
export function refundAlreadyBooked(status: RefundStatus): boolean {
  if (canTransition(REFUND_LIFECYCLE, status, 'SUCCEEDED', 'SYSTEM')) return false;
  if (status === 'SUCCEEDED') return true;
  assertTransition(REFUND_LIFECYCLE, status, 'SUCCEEDED', 'SYSTEM');
  return false;
}
