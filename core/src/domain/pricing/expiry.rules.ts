// When a lead leaves the market because it outlived its segment's TTL (docs/domain.md, Pricing: "past its segment's TTL
// a lead expires"). The pure twin of `expireLeads`' SQL; a test keeps them equal.
//
// A LISTED lead whose expires_at is at or before now becomes EXPIRED, unless an unpaid order still holds
// capacity on it (reserved_count > 0): the buyer who is paying gets it, and the next run expires it once
// the hold is paid (SOLD_OUT or still LISTED) or released. Every other status stays as it is.
import type { LeadStatus } from '@leadex/db';
import { LEAD_LIFECYCLE } from '../leads/lead.lifecycle';
import { canTransition } from '../shared/lifecycle';

export interface ExpiringLead {
  status: LeadStatus;
  expiresAt: Date;
  reservedCount: number;
}

export function statusAfterExpiry(lead: ExpiringLead, now: Date): LeadStatus {
  if (canTransition(LEAD_LIFECYCLE, lead.status, 'EXPIRED', 'SYSTEM') && lead.expiresAt.getTime() <= now.getTime() && lead.reservedCount === 0)
    return 'EXPIRED';
  return lead.status;
}
