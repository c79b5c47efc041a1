// The `automatic` verification provider: deterministic checks beyond what submission already refused. They
// cost nothing, so they run on EVERY lead of a batch (docs/domain.md, Verification); a lead that fails one is never
// VERIFIED. Each check has a stable name that buyers read in `Lead.checks` (names only, never contact data).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isSuspiciousName } from '../leads/lead-checks.rules';
import type { NormalizedContact } from '../leads/lead.types';

export interface SampledLead {
  id: string;
  kind: string;
  country: string;
  signals: { code: string }[];
  contact: NormalizedContact | null;
  /** why the lead's consent certificate no longer backs it (consent/recheck-certificates.ts), when it does not */
  certificateProblem?: { code: string; field: string | null; message: string } | null;
}

/** One provider's finding about one lead (the sampled providers, e.g. the `manual` operator call). */
export interface SampleFinding {
  leadId: string;
  passed: boolean;
  code: string | null; // why it failed
  message: string | null;
}

export interface VerificationProvider {
  readonly name: string;
  checkSample(leads: SampledLead[]): Promise<SampleFinding[]>;
}

/** The automatic checks, in the order they are shown. */
export const AUTOMATIC_CHECKS = ['UNIQUE_CONTACT', 'HUMAN_VISITOR', 'REAL_MAILBOX', 'PLAUSIBLE_NAME', 'FEW_SIGNALS', 'PERSONAL_PHONE'] as const;
// outside the regular list, shown only when they fail: an erased contact, a consent certificate that no longer holds
export type AutomaticCheckName = (typeof AUTOMATIC_CHECKS)[number] | 'CONTACT_AVAILABLE' | 'CONSENT_CERTIFICATE';

export interface CheckFailure {
  check: AutomaticCheckName;
  /** the precise reason, e.g. DISPOSABLE_EMAIL or PHONE_PATTERN */
  reason: string;
  field: string | null;
  message: string;
}

const PERSONAL_PHONE_TYPES = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER', undefined]);
// names pranksters and form testers type that the submission's made-up-name rule lets through
const PRANK_NAMES = new Set([
  'mickey mouse',
  'minnie mouse',
  'donald duck',
  'john doe',
  'jane doe',
  'homer simpson',
  'bart simpson',
  'harry potter',
  'santa claus',
  'bugs bunny',
  'elvis presley',
  'james bond',
]);
const PLACEHOLDER_LOCAL_PARTS = /^(test|asdf|qwerty|noreply|no-reply|example|fake|null|none|xxx+)\d*$/;

function phoneLooksMadeUp(e164: string): boolean {
  const digits = e164.replace(/\D/g, '').slice(-9);
  if (/^(\d)\1+$/.test(digits)) return true; // 999999999
  return '0123456789012'.includes(digits) || '9876543210987'.includes(digits); // 123456789, 987654321
}

function phoneFailure(lead: SampledLead, e164: string): Omit<CheckFailure, 'check' | 'field'> | null {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone?.isValid()) return { reason: 'PHONE_INVALID', message: 'The phone number is not valid.' };
  if (!PERSONAL_PHONE_TYPES.has(phone.getType())) return { reason: 'PHONE_NOT_PERSONAL', message: `A ${phone.getType()} number is not a person's line.` };
  if (lead.kind === 'QUICK' && phone.getType() === 'FIXED_LINE') return { reason: 'PHONE_NOT_MOBILE', message: 'A quick lead needs a mobile number.' };
  if (phoneLooksMadeUp(e164)) return { reason: 'PHONE_PATTERN', message: 'The number is a run of repeated or sequential digits.' };
  return null;
}

/** Every automatic check on one lead; the failures, empty when the lead passed them all. */
export function automaticCheckFailures(lead: SampledLead): CheckFailure[] {
  const c = lead.contact;
  if (!c) return [{ check: 'CONTACT_AVAILABLE', reason: 'CONTACT_ERASED', field: null, message: 'The contact was erased before the check.' }];
  const has = (code: string) => lead.signals.some((s) => s.code === code);
  const out: CheckFailure[] = [];
  for (const code of ['DUPLICATE_PHONE', 'DUPLICATE_EMAIL']) {
    if (has(code))
      out.push({
        check: 'UNIQUE_CONTACT',
        reason: code,
        field: code === 'DUPLICATE_PHONE' ? 'phone' : 'email',
        message: 'The contact was already submitted in this segment (by any seller, or earlier in the batch).',
      });
  }
  if (has('BOT_USER_AGENT'))
    out.push({ check: 'HUMAN_VISITOR', reason: 'BOT_USER_AGENT', field: 'userAgent', message: 'The form was sent by a bot user agent.' });
  // nobody reads and fills a form in under 3 s: a script or a paid filler pasting
  else if (has('FAST_FORM_FILL'))
    out.push({ check: 'HUMAN_VISITOR', reason: 'FAST_FORM_FILL', field: 'formFillSeconds', message: 'The form was filled faster than a person can.' });
  if (has('DISPOSABLE_EMAIL'))
    out.push({ check: 'REAL_MAILBOX', reason: 'DISPOSABLE_EMAIL', field: 'email', message: 'The e-mail is at a disposable-mailbox domain.' });
  else if (c.email && PLACEHOLDER_LOCAL_PARTS.test(c.email.split('@')[0] ?? ''))
    out.push({ check: 'REAL_MAILBOX', reason: 'EMAIL_PLACEHOLDER', field: 'email', message: 'The e-mail is a placeholder address.' });
  if (has('NAME_SUSPICIOUS') || isSuspiciousName(c.fullName) || PRANK_NAMES.has(c.fullName.toLowerCase().replace(/\s+/g, ' ').trim()))
    out.push({ check: 'PLAUSIBLE_NAME', reason: 'NAME_SUSPICIOUS', field: 'fullName', message: 'The name looks made up.' });
  if (lead.signals.length >= 2)
    out.push({ check: 'FEW_SIGNALS', reason: 'MULTIPLE_SIGNALS', field: null, message: 'Several soft signals together point to a bot or a paid form filler.' });
  const phone = c.phoneE164 ? phoneFailure(lead, c.phoneE164) : null;
  if (phone) out.push({ check: 'PERSONAL_PHONE', field: 'phone', ...phone });
  const cert = lead.certificateProblem;
  if (cert) out.push({ check: 'CONSENT_CERTIFICATE', reason: cert.code, field: cert.field, message: cert.message });
  return out;
}

/** The first failure as a single finding (for callers that want one verdict per lead, e.g. a dispute re-check). */
export function checkSampledLead(lead: SampledLead): SampleFinding {
  const first = automaticCheckFailures(lead)[0];
  return first ? { leadId: lead.id, passed: false, code: first.reason, message: first.message } : { leadId: lead.id, passed: true, code: null, message: null };
}
