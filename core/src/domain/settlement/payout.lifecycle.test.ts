import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { IN_FLIGHT_PAYOUT_STATUSES, PAYOUT_LIFECYCLE } from './payout.lifecycle';

describe('payout lifecycle', () => {
  it('is sent or refused once, by the settlement worker only', () => {
    expect(fromStatuses(PAYOUT_LIFECYCLE, 'SENT', 'SYSTEM')).toEqual(['PENDING']);
    expect(fromStatuses(PAYOUT_LIFECYCLE, 'FAILED', 'SYSTEM')).toEqual(['PENDING']);
    expect(canTransition(PAYOUT_LIFECYCLE, 'PENDING', 'SENT', 'OPERATOR')).toBe(false);
    expect(canTransition(PAYOUT_LIFECYCLE, 'PENDING', 'SENT', 'SELLER')).toBe(false);
    expect(canTransition(PAYOUT_LIFECYCLE, 'FAILED', 'SENT', 'SYSTEM')).toBe(false);
    expect(canTransition(PAYOUT_LIFECYCLE, 'SENT', 'FAILED', 'SYSTEM')).toBe(false);
  });
  it('counts only a pending payout as in flight', () => {
    expect(isFinal(PAYOUT_LIFECYCLE, 'SENT')).toBe(true);
    expect(isFinal(PAYOUT_LIFECYCLE, 'FAILED')).toBe(true);
    expect(IN_FLIGHT_PAYOUT_STATUSES).toEqual(['PENDING']);
  });
});
