// A campaign's status, held in `campaigns.active` (true = ACTIVE): its buyer pauses and resumes it.
import type { CampaignStatus } from '@leadex/db';
import { CAMPAIGN_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const CAMPAIGN_LIFECYCLE = defineLifecycle<CampaignStatus>({
  entity: 'campaign',
  statuses: CAMPAIGN_STATUSES,
  transitions: {
    // nothing pauses a campaign on its own: an exhausted budget or wallet simply stops its bids
    ACTIVE: { PAUSED: ['BUYER'] },
    PAUSED: { ACTIVE: ['BUYER'] },
  },
});

export function campaignStatus(campaign: { active: boolean }): CampaignStatus {
  return campaign.active ? 'ACTIVE' : 'PAUSED';
}
