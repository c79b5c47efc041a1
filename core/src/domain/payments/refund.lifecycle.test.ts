import { DomainError } from '../shared/domain-error';
import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { REFUND_LIFECYCLE, refundAlreadyBooked } from './refund.lifecycle';

describe('refund lifecycle', () => {
  it('lets only the platform complete a pending refund, once', () => {
    expect(canTransition(REFUND_LIFECYCLE, 'PENDING', 'SUCCEEDED', 'SYSTEM')).toBe(true);
    expect(canTransition(REFUND_LIFECYCLE, 'PENDING', 'SUCCEEDED', 'OPERATOR')).toBe(false);
    expect(canTransition(REFUND_LIFECYCLE, 'SUCCEEDED', 'PENDING', 'SYSTEM')).toBe(false);
    expect(isFinal(REFUND_LIFECYCLE, 'SUCCEEDED')).toBe(true);
    expect(fromStatuses(REFUND_LIFECYCLE, 'SUCCEEDED', 'SYSTEM')).toEqual(['PENDING']);
  });

  it('says a succeeded refund has nothing left to do, a pending one has, and refuses any other', () => {
    expect(refundAlreadyBooked('SUCCEEDED')).toBe(true);
    expect(refundAlreadyBooked('PENDING')).toBe(false);
    expect(() => refundAlreadyBooked('FAILED')).toThrow(DomainError);
    try {
      refundAlreadyBooked('FAILED');
    } catch (err) {
      expect((err as DomainError).code).toBe('TRANSITION_NOT_ALLOWED');
    }
  });
});
