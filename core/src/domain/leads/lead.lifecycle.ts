// A lead's status: who may move it where. Every writer of `leads.status` asks this table.
import type { LeadStatus } from '@leadex/db';
import { LEAD_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const LEAD_LIFECYCLE = defineLifecycle<LeadStatus>({
  entity: 'lead',
  statuses: LEAD_STATUSES,
  transitions: {
    // the spot-check (or ping-post's immediate check) lists it or rejects it; its seller may take it back
    PENDING_VERIFICATION: { LISTED: ['SYSTEM'], REJECTED: ['SYSTEM'], WITHDRAWN: ['SELLER', 'OPERATOR'] },
    // its last sale sells it out; its age expires it; its seller withdraws it
    LISTED: { SOLD_OUT: ['SYSTEM'], EXPIRED: ['SYSTEM'], WITHDRAWN: ['SELLER', 'OPERATOR'] },
  },
});
