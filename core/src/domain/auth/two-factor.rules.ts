// The numbers and shapes of two-factor sign-in, pure: recovery codes (made, shown, normalized), which kind of code
// a user typed, and who must have TOTP.
import { randomBytes } from 'node:crypto';
import type { Role } from './access';

export const TWO_FACTOR = {
  /** recovery codes made at enrolment, each usable once */
  recoveryCodeCount: 10,
  /** a password sign-in's challenge lives this long … */
  challengeSeconds: 5 * 60,
  /** … and is spent after this many wrong codes (each also counts as a failed sign-in) */
  challengeMaxFailures: 5,
  /** codes of the previous and the next 30-second step are accepted too (clock drift, typing time) */
  toleranceSeconds: 30,
  /** shown in authenticator apps beside the account's e-mail */
  issuer: 'Leadex',
} as const;

// Crockford's base32: no I, L, O, U, so a code read aloud or typed from paper is not misread
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const CODE_CHARS = 16; // 80 random bits: sha-256 is enough to store them (no dictionary to guess from)

/** A new recovery code, `xxxx-xxxx-xxxx-xxxx`. */
export function newRecoveryCode(bytes: Buffer = randomBytes(CODE_CHARS)): string {
  // one byte per character, of which the low 5 bits: exactly uniform over 32 symbols
  const chars = Array.from(bytes.subarray(0, CODE_CHARS), (b) => ALPHABET[b & 31]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The code as stored (hashed): lower case, separators and spaces dropped, look-alike letters read as digits. */
export function normalizeRecoveryCode(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
}

/** Whether `typed` can be a recovery code at all (so nothing else is hashed and looked up). */
export function isRecoveryCodeShape(typed: string): boolean {
  const n = normalizeRecoveryCode(typed);
  return n.length === CODE_CHARS && [...n].every((c) => ALPHABET.includes(c));
}

/** A 6-digit authenticator code, with the spaces some apps show in the middle allowed. */
export function totpCodeOf(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** Operators must have TOTP where the deployment requires it (REQUIRE_OPERATOR_2FA); everyone else may. */
export function twoFactorMandatory(role: Role, requireOperator2fa: boolean): boolean {
  return role === 'OPERATOR' && requireOperator2fa;
}
