import { LEAD_STATUSES } from '@leadex/db';
import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { LEAD_LIFECYCLE, LEAD_VERIFICATION_LIFECYCLE } from './lead.lifecycle';

describe('lead lifecycle', () => {
  it('lets only the verdict list or reject a waiting lead', () => {
    expect(canTransition(LEAD_LIFECYCLE, 'PENDING_VERIFICATION', 'LISTED', 'SYSTEM')).toBe(true);
    expect(canTransition(LEAD_LIFECYCLE, 'PENDING_VERIFICATION', 'REJECTED', 'SYSTEM')).toBe(true);
    expect(canTransition(LEAD_LIFECYCLE, 'PENDING_VERIFICATION', 'LISTED', 'OPERATOR')).toBe(false);
    expect(canTransition(LEAD_LIFECYCLE, 'PENDING_VERIFICATION', 'SOLD_OUT', 'SYSTEM')).toBe(false);
  });

  it('sells out and expires only listed leads', () => {
    expect(fromStatuses(LEAD_LIFECYCLE, 'SOLD_OUT', 'SYSTEM')).toEqual(['LISTED']);
    expect(fromStatuses(LEAD_LIFECYCLE, 'EXPIRED', 'SYSTEM')).toEqual(['LISTED']);
    expect(canTransition(LEAD_LIFECYCLE, 'WITHDRAWN', 'SOLD_OUT', 'SYSTEM')).toBe(false);
  });

  it('lets its seller or an operator withdraw it before it is sold out, never a buyer or the platform', () => {
    expect(fromStatuses(LEAD_LIFECYCLE, 'WITHDRAWN', 'SELLER')).toEqual(['PENDING_VERIFICATION', 'LISTED']);
    expect(fromStatuses(LEAD_LIFECYCLE, 'WITHDRAWN', 'OPERATOR')).toEqual(['PENDING_VERIFICATION', 'LISTED']);
    expect(fromStatuses(LEAD_LIFECYCLE, 'WITHDRAWN', 'BUYER')).toEqual([]);
    expect(fromStatuses(LEAD_LIFECYCLE, 'WITHDRAWN', 'SYSTEM')).toEqual([]);
  });

  it('ends in REJECTED, SOLD_OUT, EXPIRED or WITHDRAWN', () => {
    expect(LEAD_STATUSES.filter((s) => isFinal(LEAD_LIFECYCLE, s))).toEqual(['REJECTED', 'SOLD_OUT', 'EXPIRED', 'WITHDRAWN']);
  });

  it('verifies or fails an unverified lead once, by the verdict', () => {
    expect(fromStatuses(LEAD_VERIFICATION_LIFECYCLE, 'VERIFIED', 'SYSTEM')).toEqual(['UNVERIFIED']);
    expect(fromStatuses(LEAD_VERIFICATION_LIFECYCLE, 'FAILED', 'SYSTEM')).toEqual(['UNVERIFIED']);
    expect(canTransition(LEAD_VERIFICATION_LIFECYCLE, 'FAILED', 'VERIFIED', 'OPERATOR')).toBe(false);
    expect(isFinal(LEAD_VERIFICATION_LIFECYCLE, 'VERIFIED') && isFinal(LEAD_VERIFICATION_LIFECYCLE, 'FAILED')).toBe(true);
  });
});
