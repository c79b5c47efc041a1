// A webhook delivery's status: attempts until the endpoint accepts it or the retries run out; the buyer may send
// it again; replacing or removing the endpoint cancels what was still pending for it.
import type { DeliveryStatus } from '@leadex/db';
import { DELIVERY_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const DELIVERY_LIFECYCLE = defineLifecycle<DeliveryStatus>({
  entity: 'delivery',
  statuses: DELIVERY_STATUSES,
  transitions: {
    // an attempt delivers it or, out of retries, fails it; the buyer's replacement or removal of the endpoint
    // (or an attempt that finds its endpoint inactive) cancels it
    PENDING: { DELIVERED: ['SYSTEM'], FAILED: ['SYSTEM'], CANCELLED: ['BUYER', 'SYSTEM'] },
    // `redeliver`: the buyer sends it again (a delivery already PENDING is simply queued once more)
    DELIVERED: { PENDING: ['BUYER'] },
    // a stale job that finds a failed delivery's endpoint gone cancels it, so redeliver can never re-open it there
    FAILED: { PENDING: ['BUYER'], CANCELLED: ['SYSTEM'] },
    // CANCELLED is final: its endpoint is gone, and redeliver re-targets the buyer's current endpoint instead
  },
});

/** Statuses an attempt may still change: the delivery is open for sending. */
export const ATTEMPTABLE = DELIVERY_STATUSES.filter((s) => DELIVERY_LIFECYCLE.transitions[s]?.DELIVERED?.includes('SYSTEM'));
