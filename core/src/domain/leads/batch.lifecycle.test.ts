import { BATCH_STATUSES } from '@leadex/db';
import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { BATCH_LIFECYCLE, initialBatchStatus } from './batch.lifecycle';

describe('lead batch lifecycle', () => {
  it('starts waiting for its verdict, or REJECTED when nothing was accepted', () => {
    expect(initialBatchStatus(3)).toBe('PENDING_VERIFICATION');
    expect(initialBatchStatus(0)).toBe('REJECTED');
  });

  it('gets one verdict, from the platform only', () => {
    expect(fromStatuses(BATCH_LIFECYCLE, 'VERIFIED', 'SYSTEM')).toEqual(['PENDING_VERIFICATION']);
    expect(fromStatuses(BATCH_LIFECYCLE, 'FAILED', 'SYSTEM')).toEqual(['PENDING_VERIFICATION']);
    expect(canTransition(BATCH_LIFECYCLE, 'PENDING_VERIFICATION', 'VERIFIED', 'OPERATOR')).toBe(false);
    expect(canTransition(BATCH_LIFECYCLE, 'FAILED', 'VERIFIED', 'SYSTEM')).toBe(false);
    expect(canTransition(BATCH_LIFECYCLE, 'REJECTED', 'VERIFIED', 'SYSTEM')).toBe(false);
  });

  it('ends in VERIFIED, FAILED or REJECTED', () => {
    expect(BATCH_STATUSES.filter((s) => isFinal(BATCH_LIFECYCLE, s))).toEqual(['VERIFIED', 'FAILED', 'REJECTED']);
  });
});
