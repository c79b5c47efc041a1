import { decodeAutoCheck, encodeAutoCheck, recheckFinding, recheckResult, recheckUpholds } from './dispute-recheck.rules';

describe('dispute re-check rules', () => {
  const at = new Date('2026-11-20T12:00:00Z');

  it('lists every check that ran, failed ones marked, in the order they ran', () => {
    const r = recheckResult(['VALID_CONTACT', 'REAL_MAILBOX', 'NOT_SUPPRESSED'], [{ name: 'REAL_MAILBOX', reason: 'DISPOSABLE_EMAIL' }], at);
    expect(r.checks).toEqual([
      { name: 'VALID_CONTACT', passed: true, checkedAt: at },
      { name: 'REAL_MAILBOX', passed: false, checkedAt: at },
      { name: 'NOT_SUPPRESSED', passed: true, checkedAt: at },
    ]);
  });

  it('shows a failure outside the list (an erased contact) as a failed check of its own', () => {
    const r = recheckResult(['NOT_SOLD_TO_YOU_BEFORE'], [{ name: 'CONTACT_AVAILABLE', reason: 'CONTACT_ERASED' }], at);
    expect(r.checks.map((c) => [c.name, c.passed])).toEqual([
      ['NOT_SOLD_TO_YOU_BEFORE', true],
      ['CONTACT_AVAILABLE', false],
    ]);
  });

  it('words the finding with reasons, and says when the abuse guard withheld automatic acceptance', () => {
    const failed = recheckResult(
      ['REAL_MAILBOX', 'UNIQUE_CONTACT'],
      [
        { name: 'REAL_MAILBOX', reason: 'DISPOSABLE_EMAIL' },
        { name: 'UNIQUE_CONTACT', reason: 'DUPLICATE_PHONE' },
      ],
      at,
    );
    expect(recheckFinding(failed, true)).toBe('re-check failed: REAL_MAILBOX (DISPOSABLE_EMAIL); UNIQUE_CONTACT (DUPLICATE_PHONE)');
    expect(recheckFinding(failed, false)).toMatch(/withheld: abnormal return rate\)$/);
    expect(recheckFinding(recheckResult(['REAL_MAILBOX'], [], at), false)).toBe('the re-check passed; an operator decides');
  });

  it('keeps finding and checks in the one text column, and reads old plain-text findings back', () => {
    const r = recheckResult(['VALID_CONTACT'], [], at);
    expect(decodeAutoCheck(encodeAutoCheck('the re-check passed', r.checks))).toEqual({ finding: 'the re-check passed', checks: r.checks });
    expect(decodeAutoCheck('the contact re-validates; an operator decides')).toEqual({
      finding: 'the contact re-validates; an operator decides',
      checks: null,
    });
    expect(decodeAutoCheck('{not json')).toEqual({ finding: '{not json', checks: null });
    expect(decodeAutoCheck(null)).toBeNull();
  });

  it('upholds on a failure the buyer could not see before buying, not on a check the lead had already failed when listed', () => {
    const failure = [{ name: 'UNIQUE_CONTACT', reason: 'DUPLICATE_PHONE' }];
    expect(recheckUpholds(recheckResult(['UNIQUE_CONTACT'], failure, at))).toBe(true);
    expect(recheckUpholds(recheckResult(['UNIQUE_CONTACT'], failure, at, ['UNIQUE_CONTACT']))).toBe(false);
    expect(
      recheckUpholds(
        recheckResult(['UNIQUE_CONTACT', 'VALID_CONTACT'], [...failure, { name: 'VALID_CONTACT', reason: 'PHONE_INVALID' }], at, ['UNIQUE_CONTACT']),
      ),
    ).toBe(true);
    expect(recheckUpholds(recheckResult(['UNIQUE_CONTACT'], [], at))).toBe(false);
  });
});
