import { assertTransition, canTransition, isFinal } from '../shared/lifecycle';
import { VERIFICATION_TASK_LIFECYCLE } from './verification-task.lifecycle';

describe('verification task lifecycle', () => {
  it('is done once, by an operator', () => {
    expect(canTransition(VERIFICATION_TASK_LIFECYCLE, 'OPEN', 'DONE', 'OPERATOR')).toBe(true);
    expect(canTransition(VERIFICATION_TASK_LIFECYCLE, 'OPEN', 'DONE', 'SELLER')).toBe(false);
    expect(canTransition(VERIFICATION_TASK_LIFECYCLE, 'OPEN', 'DONE', 'SYSTEM')).toBe(false);
    expect(isFinal(VERIFICATION_TASK_LIFECYCLE, 'DONE')).toBe(true);
  });

  it('refuses a second outcome with the code the API names', () => {
    expect(() => assertTransition(VERIFICATION_TASK_LIFECYCLE, 'DONE', 'DONE', 'OPERATOR', { code: 'TASK_ALREADY_DONE' })).toThrow(
      expect.objectContaining({ code: 'TASK_ALREADY_DONE' }),
    );
  });
});
