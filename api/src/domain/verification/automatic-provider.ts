// The `automatic` verification provider: deterministic deeper checks on each sampled lead, beyond what
// submission already refused. A sampled lead fails when it looks like a pseudo-lead.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isSuspiciousName } from '../leads/lead-checks.rules';
import type { NormalizedContact } from '../leads/lead.types';

export interface SampledLead {
  id: string;
  kind: string;
  country: string;
  signals: { code: string }[];
  contact: NormalizedContact | null;
}

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

const PERSONAL_PHONE_TYPES = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER', undefined]);
const SIGNALS_THAT_FAIL = new Set(['DUPLICATE_PHONE', 'DUPLICATE_EMAIL', 'BOT_USER_AGENT', 'DISPOSABLE_EMAIL', 'NAME_SUSPICIOUS']);
const PLACEHOLDER_LOCAL_PARTS = /^(test|asdf|qwerty|noreply|no-reply|example|fake|null|none|xxx+)\d*$/;

function phoneLooksMadeUp(e164: string): boolean {
  const digits = e164.replace(/\D/g, '').slice(-9);
  if (/^(\d)\1+$/.test(digits)) return true; // 999999999
  return '0123456789012'.includes(digits) || '9876543210987'.includes(digits); // 123456789, 987654321
}

export function checkSampledLead(lead: SampledLead): SampleFinding {
  const fail = (code: string, message: string): SampleFinding => ({ leadId: lead.id, passed: false, code, message });
  const c = lead.contact;
  if (!c) return fail('CONTACT_ERASED', 'The contact was erased before the check.');
  const flagged = lead.signals.find((s) => SIGNALS_THAT_FAIL.has(s.code));
  if (flagged) return fail(flagged.code, `Submission flagged ${flagged.code}; a sampled lead with it counts as a pseudo-lead.`);
  if (lead.signals.length >= 2) return fail('MULTIPLE_SIGNALS', 'Several soft signals together point to a bot or a paid form filler.');
  if (isSuspiciousName(c.fullName)) return fail('NAME_SUSPICIOUS', 'The name looks made up.');
  if (c.phoneE164) {
    const phone = parsePhoneNumberFromString(c.phoneE164);
    if (!phone?.isValid()) return fail('PHONE_INVALID', 'The phone number is not valid.');
    if (!PERSONAL_PHONE_TYPES.has(phone.getType())) return fail('PHONE_NOT_PERSONAL', `A ${phone.getType()} number is not a person's line.`);
    if (lead.kind === 'QUICK' && phone.getType() === 'FIXED_LINE') return fail('PHONE_NOT_MOBILE', 'A quick lead needs a mobile number.');
    if (phoneLooksMadeUp(c.phoneE164)) return fail('PHONE_PATTERN', 'The number is a run of repeated or sequential digits.');
  }
  if (c.email && PLACEHOLDER_LOCAL_PARTS.test(c.email.split('@')[0] ?? '')) return fail('EMAIL_PLACEHOLDER', 'The e-mail is a placeholder address.');
  return { leadId: lead.id, passed: true, code: null, message: null };
}

export const automaticProvider: VerificationProvider = {
  name: 'automatic',
  async checkSample(leads) {
    return leads.map(checkSampledLead);
  },
};
