// A purchase's status: its money sits in escrow until settlement pays the seller, or accepted disputes
// refund all of it. A partial refund leaves it in ESCROW, to be settled for the rest. Born ESCROW (a paid
// order's sale, or a campaign win).
import type { PurchaseStatus } from '@leadex/db';
import { PURCHASE_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const PURCHASE_LIFECYCLE = defineLifecycle<PurchaseStatus>({
  entity: 'purchase',
  statuses: PURCHASE_STATUSES,
  transitions: {
    // both moves are the platform's: the settlement run (mature-sales.ts), and the refund job booking the
    // refund that brings the refunded amount up to the price (applyRefundToPurchase); the operator only
    // accepts the dispute that queues that refund
    ESCROW: { SETTLED: ['SYSTEM'], REFUNDED: ['SYSTEM'] },
  },
});

/** Statuses in which the buyer holds the lead (paid and not refunded): contact data readable, CSV export. */
export const OWNED_PURCHASE_STATUSES = PURCHASE_STATUSES.filter((s) => s !== 'REFUNDED');
