import { isRecoveryCodeShape, newRecoveryCode, normalizeRecoveryCode, totpCodeOf, twoFactorMandatory } from './two-factor.rules';

describe('recovery codes', () => {
  it('are four groups of four unambiguous characters', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    expect(newRecoveryCode(Buffer.alloc(16, 0))).toBe('0000-0000-0000-0000');
    expect(newRecoveryCode(Buffer.alloc(16, 255))).toBe('zzzz-zzzz-zzzz-zzzz');
  });

  it('read the same however they are typed', () => {
    const code = newRecoveryCode();
    expect(normalizeRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(code.replace(/-/g, ''));
    expect(normalizeRecoveryCode('OIL0-aaaa')).toBe('0110aaaa');
  });

  it('tell a recovery code from anything else', () => {
    expect(isRecoveryCodeShape(newRecoveryCode())).toBe(true);
    expect(isRecoveryCodeShape('123456')).toBe(false);
    expect(isRecoveryCodeShape('uuuu-uuuu-uuuu-uuuu')).toBe(false);
  });
});

describe('authenticator codes', () => {
  it('are six digits, spaces allowed', () => {
    expect(totpCodeOf('123 456')).toBe('123456');
    expect(totpCodeOf('12345')).toBeNull();
    expect(totpCodeOf('12345a')).toBeNull();
    expect(totpCodeOf('1234567')).toBeNull();
  });
});

describe('who must have two-factor sign-in', () => {
  it('is operators, where the deployment requires it', () => {
    expect(twoFactorMandatory('OPERATOR', true)).toBe(true);
    expect(twoFactorMandatory('OPERATOR', false)).toBe(false);
    expect(twoFactorMandatory('SELLER', true)).toBe(false);
    expect(twoFactorMandatory('BUYER', true)).toBe(false);
  });
});
