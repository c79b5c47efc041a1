import { assertTransition, canTransition, isFinal } from '../shared/lifecycle';
import { DISPUTE_LIFECYCLE, UNDECIDED_DISPUTE_STATUSES } from './dispute.lifecycle';

describe('dispute lifecycle', () => {
  it('lets an operator accept or reject an open dispute, and the automatic check only accept it', () => {
    expect(canTransition(DISPUTE_LIFECYCLE, 'OPEN', 'ACCEPTED', 'OPERATOR')).toBe(true);
    expect(canTransition(DISPUTE_LIFECYCLE, 'OPEN', 'REJECTED', 'OPERATOR')).toBe(true);
    expect(canTransition(DISPUTE_LIFECYCLE, 'OPEN', 'ACCEPTED', 'SYSTEM')).toBe(true);
    expect(canTransition(DISPUTE_LIFECYCLE, 'OPEN', 'REJECTED', 'SYSTEM')).toBe(false);
    expect(canTransition(DISPUTE_LIFECYCLE, 'OPEN', 'ACCEPTED', 'BUYER')).toBe(false);
    expect(canTransition(DISPUTE_LIFECYCLE, 'OPEN', 'ACCEPTED', 'SELLER')).toBe(false);
  });
  it('never decides a dispute twice', () => {
    expect(isFinal(DISPUTE_LIFECYCLE, 'ACCEPTED')).toBe(true);
    expect(isFinal(DISPUTE_LIFECYCLE, 'REJECTED')).toBe(true);
    expect(UNDECIDED_DISPUTE_STATUSES).toEqual(['OPEN']);
    expect(() => assertTransition(DISPUTE_LIFECYCLE, 'ACCEPTED', 'REJECTED', 'OPERATOR', { code: 'DISPUTE_ALREADY_RESOLVED' })).toThrow(
      expect.objectContaining({ code: 'DISPUTE_ALREADY_RESOLVED' }),
    );
    expect(() => assertTransition(DISPUTE_LIFECYCLE, 'REJECTED', 'ACCEPTED', 'SYSTEM')).toThrow(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
  });
});
