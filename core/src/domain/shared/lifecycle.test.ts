import { DomainError } from './domain-error';
import { assertTransition, canTransition, defineLifecycle, fromStatuses, isFinal } from './lifecycle';

const DOOR = defineLifecycle<'OPEN' | 'CLOSED' | 'LOCKED'>({
  entity: 'door',
  statuses: ['OPEN', 'CLOSED', 'LOCKED'],
  transitions: { OPEN: { CLOSED: ['BUYER', 'SYSTEM'] }, CLOSED: { OPEN: ['BUYER'], LOCKED: ['OPERATOR'] } },
});

describe('lifecycle', () => {
  it('allows only listed moves, and only by the listed actors', () => {
    expect(canTransition(DOOR, 'OPEN', 'CLOSED', 'BUYER')).toBe(true);
    expect(canTransition(DOOR, 'OPEN', 'CLOSED', 'SELLER')).toBe(false);
    expect(canTransition(DOOR, 'OPEN', 'LOCKED', 'OPERATOR')).toBe(false);
    expect(canTransition(DOOR, 'LOCKED', 'OPEN', 'OPERATOR')).toBe(false);
  });

  it('names the statuses a set-based update may start from', () => {
    expect(fromStatuses(DOOR, 'CLOSED', 'SYSTEM')).toEqual(['OPEN']);
    expect(fromStatuses(DOOR, 'OPEN', 'SYSTEM')).toEqual([]);
  });

  it('knows final statuses', () => {
    expect(isFinal(DOOR, 'LOCKED')).toBe(true);
    expect(isFinal(DOOR, 'CLOSED')).toBe(false);
  });

  it('refuses a disallowed move with a DomainError, in the caller’s code when given', () => {
    expect(() => assertTransition(DOOR, 'LOCKED', 'OPEN', 'BUYER')).toThrow(
      expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED', message: 'A LOCKED door cannot become OPEN' }),
    );
    const err = (() => {
      try {
        assertTransition(DOOR, 'LOCKED', 'OPEN', 'BUYER', { code: 'LEAD_NOT_WITHDRAWABLE' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('LEAD_NOT_WITHDRAWABLE');
    expect(() => assertTransition(DOOR, 'OPEN', 'CLOSED', 'SYSTEM')).not.toThrow();
  });

  it('rejects a table naming an unknown status', () => {
    expect(() => defineLifecycle<'A' | 'B'>({ entity: 'x', statuses: ['A'] as never, transitions: { A: { B: ['SYSTEM'] } } })).toThrow('unknown status B');
  });
});
