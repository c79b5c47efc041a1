// A payout's status: recorded PENDING (with its ledger entry) before it is sent, then SENT when Stripe made
// the transfer, or FAILED when Stripe refused it (the money goes back to the seller's payable).
import type { PayoutStatus } from '@leadex/db';
import { PAYOUT_STATUSES } from '@leadex/db';
import { defineLifecycle, isFinal } from '../shared/lifecycle';

export const PAYOUT_LIFECYCLE = defineLifecycle<PayoutStatus>({
  entity: 'payout',
  statuses: PAYOUT_STATUSES,
  transitions: {
    // only the settlement worker moves a payout, after Stripe answered
    PENDING: { SENT: ['SYSTEM'], FAILED: ['SYSTEM'] },
  },
});

/** Payouts in flight: a seller with one gets no second payout, and each is (re)sent until it leaves these. */
export const IN_FLIGHT_PAYOUT_STATUSES: readonly PayoutStatus[] = PAYOUT_STATUSES.filter((s) => !isFinal(PAYOUT_LIFECYCLE, s));
