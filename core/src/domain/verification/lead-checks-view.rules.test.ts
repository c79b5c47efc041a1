import { AUTOMATIC_CHECKS } from './automatic-provider';
import { leadChecks } from './lead-checks-view.rules';

const at = new Date('2026-12-01T10:00:00Z');
const later = new Date('2026-12-01T12:00:00Z');

describe('Lead.checks from stored findings', () => {
  it('lists every automatic check as passed for a clean lead', () => {
    const checks = leadChecks([{ stage: 'AUTOMATIC', code: 'AUTOMATIC_PASSED', field: null, createdAt: at }]);
    expect(checks.map((c) => c.name)).toEqual([...AUTOMATIC_CHECKS]);
    expect(checks.every((c) => c.passed && c.checkedAt === at)).toBe(true);
  });

  it('marks the failed checks and keeps the others passed', () => {
    const checks = leadChecks([
      { stage: 'SUBMISSION', code: 'DISPOSABLE_EMAIL', field: 'email', createdAt: at },
      { stage: 'AUTOMATIC', code: 'REAL_MAILBOX', field: 'email', createdAt: at },
      { stage: 'AUTOMATIC', code: 'FEW_SIGNALS', field: null, createdAt: at },
    ]);
    expect(checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(['REAL_MAILBOX', 'FEW_SIGNALS']);
    expect(checks).toHaveLength(AUTOMATIC_CHECKS.length);
  });

  it('adds the operator call of a sampled lead and an erased contact', () => {
    const checks = leadChecks([
      { stage: 'AUTOMATIC', code: 'CONTACT_AVAILABLE', field: null, createdAt: at },
      { stage: 'SPOT_CHECK', code: 'WRONG_NUMBER', field: 'manual', createdAt: later },
    ]);
    expect(checks.slice(-2)).toEqual([
      { name: 'CONTACT_AVAILABLE', passed: false, checkedAt: at },
      { name: 'OPERATOR_CALL', passed: false, checkedAt: later },
    ]);
  });

  it('is empty before the lead was checked', () => {
    expect(leadChecks([{ stage: 'SUBMISSION', code: 'FAST_FORM_FILL', field: null, createdAt: at }])).toEqual([]);
  });
});
