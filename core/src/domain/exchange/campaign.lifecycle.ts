// A campaign's status, held in `campaigns.active` (true = ACTIVE): its buyer pauses and resumes it.
import type { CampaignStatus } from '@leadex/db';
import { CAMPAIGN_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const CAMPAIGN_LIFECYCLE = defineLifecycle<CampaignStatus>({
  entity: 'campaign',
  statuses: CAMPAIGN_STATUSES,
  transitions: {
    // an exhausted budget or wallet simply stops its bids; the platform pauses a REMOTE campaign whose endpoints
    // keep failing (remote/endpoint-health.rules.ts), with a reason, and only its buyer resumes it
    ACTIVE: { PAUSED: ['BUYER', 'SYSTEM'] },
    PAUSED: { ACTIVE: ['BUYER'] },
  },
});

export function campaignStatus(campaign: { active: boolean }): CampaignStatus {
  return campaign.active ? 'ACTIVE' : 'PAUSED';
}
