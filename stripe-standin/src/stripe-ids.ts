// Stripe-looking ids: the object's own prefix, then random base62 (e.g. `pi_3Ntq8xK2…`).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type StripeIdPrefix =
  'cus' | 'cs_test' | 'pi' | 'ch' | 'pm' | 're' | 'acct' | 'tr' | 'trr' | 'py' | 'txn' | 'evt' | 'req' | 'li' | 'price' | 'prod' | 'link';

export function randomBase62(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely
  for (const b of bytes) {
    if (b >= 248) continue;
    out += ALPHABET[b % 62];
    if (out.length === length) return out;
  }
  return out + randomBase62(length - out.length);
}

export function newStripeId(prefix: StripeIdPrefix): string {
  return `${prefix}_${randomBase62(prefix === 'cs_test' ? 58 : 24)}`;
}
