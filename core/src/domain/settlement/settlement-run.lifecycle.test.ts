import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { SETTLEMENT_RUN_LIFECYCLE } from './settlement-run.lifecycle';

describe('settlement run lifecycle', () => {
  it('ends a running run once, completed or failed', () => {
    expect(fromStatuses(SETTLEMENT_RUN_LIFECYCLE, 'COMPLETED', 'SYSTEM')).toEqual(['RUNNING']);
    expect(fromStatuses(SETTLEMENT_RUN_LIFECYCLE, 'FAILED', 'SYSTEM')).toEqual(['RUNNING']);
    expect(canTransition(SETTLEMENT_RUN_LIFECYCLE, 'COMPLETED', 'RUNNING', 'SYSTEM')).toBe(false);
    expect(canTransition(SETTLEMENT_RUN_LIFECYCLE, 'FAILED', 'COMPLETED', 'SYSTEM')).toBe(false);
    expect(canTransition(SETTLEMENT_RUN_LIFECYCLE, 'RUNNING', 'COMPLETED', 'OPERATOR')).toBe(false);
    expect(isFinal(SETTLEMENT_RUN_LIFECYCLE, 'COMPLETED')).toBe(true);
    expect(isFinal(SETTLEMENT_RUN_LIFECYCLE, 'RUNNING')).toBe(false);
  });
});
