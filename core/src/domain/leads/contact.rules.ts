// Contact rules: normalize a lead's name, phone, e-mail and social link, mask them for the
// marketplace, and derive the canonical keys hashed for duplicate detection.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import validator from 'validator';
import type { LeadIssue, NormalizedContact, TLeadInput } from './lead.types';

export type ContactIssueCode = 'NAME_INVALID' | 'PHONE_INVALID' | 'EMAIL_INVALID' | 'SOCIAL_URL_INVALID' | 'CONTACT_MISSING';

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 120;

// What hides a digit or letter in masked contact data.
export const MASK = '•';

function contactError(code: ContactIssueCode, field: string | null, message: string): LeadIssue {
  return { code, field, message, severity: 'ERROR' };
}

// Empty strings from forms and CSV cells mean "not given", same as null.
function presentText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Trims, collapses inner whitespace and NFC-normalizes a person's name. */
export function normalizeFullName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

function isAcceptableName(name: string): boolean {
  const length = Array.from(name).length;
  return length >= NAME_MIN_LENGTH && length <= NAME_MAX_LENGTH && /\p{L}/u.test(name);
}

// The max metadata checks the digits against each country's numbering plan; the default (min)
// metadata only checks the length, which lets typos through.
function parseValidPhone(raw: string, leadCountry: string) {
  const defaultCountry = isSupportedCountry(leadCountry) ? (leadCountry as CountryCode) : undefined;
  try {
    const parsed = parsePhoneNumberFromString(raw, { defaultCountry, extract: false });
    return parsed?.isValid() ? parsed : null;
  } catch {
    return null;
  }
}

function isHttpUrl(value: string): boolean {
  return validator.isURL(value, { protocols: ['http', 'https'], require_protocol: true });
}

/**
 * Normalizes the contact part of a lead. A national-format phone is read in the lead's country;
 * the returned phoneCountry is the country the number itself belongs to. Invalid values are left
 * out of the contact (null) and reported as ERROR issues, so a lead with issues is rejected.
 */
export function normalizeContact(input: TLeadInput): { contact: NormalizedContact; issues: LeadIssue[]; phoneParts: PhoneParts | null } {
  const issues: LeadIssue[] = [];

  const fullName = normalizeFullName(input.fullName ?? '');
  if (!isAcceptableName(fullName)) {
    issues.push(contactError('NAME_INVALID', 'fullName', `The name must contain a letter and be ${NAME_MIN_LENGTH} to ${NAME_MAX_LENGTH} characters long.`));
  }

  let phoneE164: string | null = null;
  let phoneCountry: string | null = null;
  let phoneParts: PhoneParts | null = null;
  const rawPhone = presentText(input.phone);
  if (rawPhone) {
    const parsed = parseValidPhone(rawPhone, input.country);
    if (parsed) {
      phoneE164 = parsed.number;
      phoneCountry = parsed.country ?? null; // undefined for non-geographic numbers (+800, +882 ...)
      phoneParts = { countryCallingCode: parsed.countryCallingCode, nationalNumber: parsed.nationalNumber };
    } else {
      // findings are stored and shown again later: they name the field, never the value
      issues.push(contactError('PHONE_INVALID', 'phone', `phone is not a valid number for ${input.country} (national numbers are read as ${input.country}).`));
    }
  }

  let email: string | null = null;
  const rawEmail = presentText(input.email)?.toLowerCase() ?? null;
  if (rawEmail) {
    if (validator.isEmail(rawEmail)) email = rawEmail;
    else issues.push(contactError('EMAIL_INVALID', 'email', 'email is not a valid e-mail address.'));
  }

  let socialUrl: string | null = null;
  const rawSocialUrl = presentText(input.socialUrl);
  if (rawSocialUrl) {
    if (isHttpUrl(rawSocialUrl)) socialUrl = rawSocialUrl;
    else issues.push(contactError('SOCIAL_URL_INVALID', 'socialUrl', 'The social profile link must be an http(s) URL.'));
  }

  // A lead is a named person plus at least one working way to reach them.
  if (!phoneE164 && !email && !socialUrl) {
    // reported on the phone field, the first of the channels a form asks for
    issues.push(contactError('CONTACT_MISSING', 'phone', 'A lead needs a valid phone, e-mail or social profile link.'));
  }

  const preferredContactTime = presentText(input.preferredContactTime)?.replace(/\s+/gu, ' ') ?? null;
  return { contact: { fullName, phoneE164, phoneCountry, email, socialUrl, preferredContactTime }, issues, phoneParts };
}

/** Initials of each word of the name, upper-cased: "john  doe" → "J. D.". */
export function maskName(fullName: string): string {
  return normalizeFullName(fullName)
    .split(' ')
    .map((word) => word.match(/\p{L}/u)?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter.toUpperCase()}.`)
    .join(' ');
}

/**
 * Masks an E.164 number: "+<calling code> " then the national number with every digit but the
 * last two replaced by "•", in groups of three ("+1 ••• ••• ••71", "+49 ••• ••• ••• 89").
 * A lone trailing digit joins the group before it. Reveals the calling code, the number's length
 * and its last two digits, nothing else.
 */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed) return maskPhoneParts({ countryCallingCode: parsed.countryCallingCode, nationalNumber: parsed.nationalNumber });
  return maskNationalDigits('', e164.replace(/\D/g, ''));
}

/** The parts of a parsed phone number maskPhone shows, kept from normalizeContact's parse. */
export interface PhoneParts {
  countryCallingCode: string;
  nationalNumber: string;
}

/** maskPhone of a number already parsed: parsing it again costs more than the rest of a lead's masking. */
export function maskPhoneParts(parts: PhoneParts): string {
  return maskNationalDigits(parts.countryCallingCode, parts.nationalNumber);
}

function maskNationalDigits(callingCode: string, national: string): string {
  const masked = MASK.repeat(Math.max(national.length - 2, 0)) + national.slice(-2);
  const groups = masked.match(/.{1,3}/gu) ?? [];
  if (groups.length > 1 && groups[groups.length - 1]!.length === 1) {
    const last = groups.pop()!;
    groups[groups.length - 1] += last;
  }
  return callingCode ? `+${callingCode} ${groups.join(' ')}` : groups.join(' ');
}

/** "john.doe@gmail.com" → "j•••@g•••.com": first letters of the local part and domain, and the TLD. */
export function maskEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  if (at <= 0) return `${MASK.repeat(3)}`;
  const local = normalized.slice(0, at);
  const domain = normalized.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot + 1) : '';
  const head = (text: string) => Array.from(text)[0] ?? '';
  const maskedDomain = `${head(domain)}${MASK.repeat(3)}${tld ? `.${tld}` : ''}`;
  return `${head(local)}${MASK.repeat(3)}@${maskedDomain}`;
}

/** The canonical phone string hashed for duplicate detection: "+" and digits only. */
export function normalizedPhoneKey(e164: string): string {
  return `+${e164.replace(/\D/g, '')}`;
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The canonical mailbox hashed for duplicate detection, so "J.Doe+promo@GoogleMail.com" and
 * "jdoe@gmail.com" collide: lower-cased, "+tag" dropped, and for Gmail dots dropped and
 * googlemail.com folded into gmail.com (both deliver to the same inbox).
 */
export function normalizedEmailKey(email: string): string {
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  if (at < 0) return normalized;
  let local = normalized.slice(0, at);
  let domain = normalized.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}
