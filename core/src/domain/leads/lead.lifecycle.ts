// A lead's status and its verification: who may move them where. Every writer of `leads.status` and
// `leads.verification` asks these tables (row-at-a-time writers assertTransition / canTransition, set-based
// ones take fromStatuses into their WHERE or CASE).
import type { LeadStatus, LeadVerification } from '@leadex/db';
import { LEAD_STATUSES, LEAD_VERIFICATIONS } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const LEAD_LIFECYCLE = defineLifecycle<LeadStatus>({
  entity: 'lead',
  statuses: LEAD_STATUSES,
  transitions: {
    // the batch verdict (run-spot-check, an operator's last call, ping-post's lot of one) lists it or rejects
    // it; its seller (or an operator) withdraws or erases it
    PENDING_VERIFICATION: { LISTED: ['SYSTEM'], REJECTED: ['SYSTEM'], WITHDRAWN: ['SELLER', 'OPERATOR'] },
    // its last paid sale (an order's payment, a campaign's win) sells it out; the expiry sweep, or the verdict
    // that found it past its TTL, expires it; its seller (or an operator) withdraws or erases it.
    // A lead withdrawn while an unpaid order held it stays WITHDRAWN when that order is paid.
    LISTED: { SOLD_OUT: ['SYSTEM'], EXPIRED: ['SYSTEM'], WITHDRAWN: ['SELLER', 'OPERATOR'] },
    // REJECTED, SOLD_OUT, EXPIRED and WITHDRAWN are final
  },
});

export const LEAD_VERIFICATION_LIFECYCLE = defineLifecycle<LeadVerification>({
  entity: 'lead verification',
  statuses: LEAD_VERIFICATIONS,
  transitions: {
    // the batch verdict: VERIFIED when its batch passed and the lead failed nothing, FAILED when it is rejected;
    // a lead listed at the discount stays UNVERIFIED. Ping-post's hypothetical lead is never stored.
    UNVERIFIED: { VERIFIED: ['SYSTEM'], FAILED: ['SYSTEM'] },
  },
});
