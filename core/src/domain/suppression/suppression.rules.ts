// Suppression entries: a phone or e-mail normalised exactly as a lead's contact is (contact.rules.ts), so the
// keyed hash of an entry equals the hash a lead with the same person carries.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import validator from 'validator';
import type { FieldError } from '../shared/domain-error';
import { normalizedEmailKey, normalizedPhoneKey } from '../leads/contact.rules';

/** At most this many entries per call: the web app sends a CSV in chunks of this size. */
export const MAX_SUPPRESSIONS_PER_CALL = 1000;

export type SuppressionKind = 'PHONE' | 'EMAIL';
export interface SuppressionKey {
  kind: SuppressionKind;
  key: string;
}

export interface TSuppressedContactInput {
  phone?: string | null;
  email?: string | null;
  country?: string | null;
}

const present = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * The canonical keys of one entry (the strings the vault hashes), or what is wrong with it. A phone is read in
 * `country` when given, and must be international ("+…") otherwise: a list has no lead country to read it in.
 * Messages name the field, never the value.
 */
export function suppressionKeys(input: TSuppressedContactInput, path: string): { keys: SuppressionKey[]; errors: FieldError[] } {
  const keys: SuppressionKey[] = [];
  const errors: FieldError[] = [];
  const country = present(input.country)?.toUpperCase() ?? null;
  if (country && !isSupportedCountry(country)) errors.push({ path: `${path}.country`, message: 'an ISO 3166 two-letter country code' });
  const phone = present(input.phone);
  if (phone) {
    const defaultCountry = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
    let e164: string | null = null;
    if (phone.length <= 40 && (phone.startsWith('+') || defaultCountry)) {
      try {
        const parsed = parsePhoneNumberFromString(phone, { defaultCountry, extract: false });
        e164 = parsed?.isValid() ? parsed.number : null;
      } catch {
        e164 = null;
      }
    }
    if (e164) keys.push({ kind: 'PHONE', key: normalizedPhoneKey(e164) });
    else
      errors.push({
        path: `${path}.phone`,
        message: defaultCountry ? `phone is not a valid number for ${defaultCountry}` : 'phone must be a valid international number (+…), or give country',
      });
  }
  const email = present(input.email)?.toLowerCase() ?? null;
  if (email) {
    if (email.length <= 254 && validator.isEmail(email)) keys.push({ kind: 'EMAIL', key: normalizedEmailKey(email) });
    else errors.push({ path: `${path}.email`, message: 'email is not a valid e-mail address' });
  }
  if (!phone && !email) errors.push({ path, message: 'give a phone, an e-mail or both' });
  return { keys, errors };
}

/** Every entry's keys, or every entry's errors at `contacts[i].…` (one bad entry refuses the call). */
export function suppressionKeysOf(contacts: TSuppressedContactInput[], path = 'contacts'): { keys: SuppressionKey[]; errors: FieldError[] } {
  const keys: SuppressionKey[] = [];
  const errors: FieldError[] = [];
  if (contacts.length > MAX_SUPPRESSIONS_PER_CALL) return { keys, errors: [{ path, message: `at most ${MAX_SUPPRESSIONS_PER_CALL} contacts per call` }] };
  contacts.forEach((c, i) => {
    const one = suppressionKeys(c ?? {}, `${path}[${i}]`);
    keys.push(...one.keys);
    errors.push(...one.errors);
  });
  return { keys, errors };
}
