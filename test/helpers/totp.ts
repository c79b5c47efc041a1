// TOTP codes as an authenticator app computes them, with otplib (a dependency of core, loaded from there).
import { generate } from '../../core/node_modules/otplib/dist/index.js';

/** The secret of an otpauth:// URI, as an app reads it from the QR code. */
export function secretOfUri(otpauthUri: string): string {
  const secret = new URL(otpauthUri).searchParams.get('secret');
  if (!secret) throw new Error('no secret in the otpauth URI');
  return secret;
}

/** The 6-digit code for `secret` at `at` (the app's clock). */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
