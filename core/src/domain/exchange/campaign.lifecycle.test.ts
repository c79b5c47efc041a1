import { assertTransition, canTransition, isFinal } from '../shared/lifecycle';
import { CAMPAIGN_LIFECYCLE, campaignStatus } from './campaign.lifecycle';

describe('campaign lifecycle', () => {
  it('reads its status from `active`', () => {
    expect(campaignStatus({ active: true })).toBe('ACTIVE');
    expect(campaignStatus({ active: false })).toBe('PAUSED');
  });

  it('is paused by its buyer or the platform (failing remote endpoints), and resumed by its buyer only', () => {
    expect(canTransition(CAMPAIGN_LIFECYCLE, 'ACTIVE', 'PAUSED', 'BUYER')).toBe(true);
    expect(canTransition(CAMPAIGN_LIFECYCLE, 'PAUSED', 'ACTIVE', 'BUYER')).toBe(true);
    expect(canTransition(CAMPAIGN_LIFECYCLE, 'ACTIVE', 'PAUSED', 'SYSTEM')).toBe(true);
    expect(canTransition(CAMPAIGN_LIFECYCLE, 'PAUSED', 'ACTIVE', 'SYSTEM')).toBe(false);
    expect(canTransition(CAMPAIGN_LIFECYCLE, 'ACTIVE', 'PAUSED', 'OPERATOR')).toBe(false);
  });

  it('refuses pausing a paused campaign and resuming an active one', () => {
    expect(() => assertTransition(CAMPAIGN_LIFECYCLE, 'PAUSED', 'PAUSED', 'BUYER')).toThrow(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
    expect(() => assertTransition(CAMPAIGN_LIFECYCLE, 'ACTIVE', 'ACTIVE', 'BUYER')).toThrow(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
    expect(isFinal(CAMPAIGN_LIFECYCLE, 'ACTIVE') || isFinal(CAMPAIGN_LIFECYCLE, 'PAUSED')).toBe(false);
  });
});
