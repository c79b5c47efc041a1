// A purchase's status: its money sits in escrow until settlement pays the seller, or an accepted dispute
// refunds all of it. A partial refund leaves it in ESCROW, to be settled for the rest.
import type { PurchaseStatus } from '@leadex/db';
import { PURCHASE_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const PURCHASE_LIFECYCLE = defineLifecycle<PurchaseStatus>({
  entity: 'purchase',
  statuses: PURCHASE_STATUSES,
  transitions: {
    ESCROW: { SETTLED: ['SYSTEM'], REFUNDED: ['SYSTEM', 'OPERATOR'] },
  },
});
