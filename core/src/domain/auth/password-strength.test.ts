import { DomainError } from '../shared/domain-error';
import { z } from 'zod';
import { parseWithStrongPassword, passwordWeakness } from './password-strength';

const policy = { PASSWORD_MIN_SCORE: 3, PASSWORD_MIN_LENGTH: 10 };

describe('password strength', () => {
  it('accepts the passphrases the tests and the demo use', () => {
    expect(passwordWeakness('correct horse battery staple', policy)).toBeNull();
    expect(passwordWeakness('leadex-demo-password', policy)).toBeNull();
  });

  it("refuses common and keyboard-walk passwords with zxcvbn's advice", () => {
    expect(passwordWeakness('password123', policy)).toMatch(/common/i);
    expect(passwordWeakness('qwertyuiop12', policy)).not.toBeNull();
    expect(passwordWeakness('aaaaaaaaaaaa', policy)).toMatch(/repeat/i);
  });

  it('refuses a password shorter than the configured length however random', () => {
    expect(passwordWeakness('x7#Qv!2p', policy)).toMatch(/at least 10 characters/);
  });

  it("refuses a password made of the user's own name", () => {
    expect(passwordWeakness('zorblaxquintrell', policy)).toBeNull();
    expect(passwordWeakness('zorblaxquintrell', policy, ['Zorblax Quintrell'])).not.toBeNull();
  });

  const ZAccount = z.object({ email: z.string().email(), password: z.string().max(200), name: z.string().min(1) });
  const codeAndPaths = (raw: unknown) => {
    try {
      parseWithStrongPassword(ZAccount, raw, policy);
      return null;
    } catch (err) {
      return { code: (err as DomainError).code, paths: (err as DomainError).fields.map((f) => f.path).sort() };
    }
  };

  it('throws PASSWORD_TOO_WEAK at input.password when only the password is wrong', () => {
    expect(codeAndPaths({ email: 'a@example.com', password: 'password123', name: 'A' })).toEqual({ code: 'PASSWORD_TOO_WEAK', paths: ['input.password'] });
  });

  it('reports a weak password beside the other bad fields', () => {
    expect(codeAndPaths({ email: 'nope', password: 'short', name: '' })).toEqual({
      code: 'INVALID_INPUT',
      paths: ['input.email', 'input.name', 'input.password'],
    });
  });

  it('passes a strong password through', () => {
    expect(codeAndPaths({ email: 'a@example.com', password: 'correct horse battery staple', name: 'A' })).toBeNull();
  });
});
