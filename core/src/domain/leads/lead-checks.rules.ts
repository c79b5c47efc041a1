// Verification rules for one lead: hard checks (ERROR → the lead is rejected), soft signals
// (WARNING → the score drops) and checkLead, which runs them all with the contact rules and the score.
import { isbot } from 'isbot';
import { isValid as isMailboxAllowed } from 'mailchecker';
import validator from 'validator';
import { normalizeContact, type PhoneParts } from './contact.rules';
import type { AttributeField, LeadIssue, NormalizedContact, SegmentDefinition, SignalContext, Temperature, TLeadInput } from './lead.types';
import { scoreLead } from './lead-score.rules';
import { attributeApplies } from './lead-attributes';

export type HardCheckCode =
  | 'SEGMENT_UNKNOWN'
  | 'SUBSEGMENT_UNKNOWN'
  | 'COUNTRY_INVALID'
  | 'REGION_INVALID'
  | 'CONSENT_MISSING'
  | 'CONSENT_INVALID'
  | 'CAPTURED_AT_INVALID'
  | 'CAPTURED_IN_FUTURE'
  | 'LEAD_TOO_OLD'
  | 'ATTRIBUTE_REQUIRED'
  | 'ATTRIBUTE_INVALID';

export type SoftSignalCode =
  | 'ATTRIBUTE_UNKNOWN'
  | 'ATTRIBUTE_NOT_APPLICABLE'
  | 'DISPOSABLE_EMAIL'
  | 'PHONE_COUNTRY_MISMATCH'
  | 'DUPLICATE_PHONE'
  | 'DUPLICATE_EMAIL'
  | 'FAST_FORM_FILL'
  | 'IP_BURST'
  | 'BOT_USER_AGENT'
  | 'NAME_SUSPICIOUS';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Sellers' clocks drift; a timestamp this far ahead of ours still counts as "now".
export const CLOCK_SKEW_MS = 5 * MINUTE_MS;
// Consent may be recorded a little after the contact was captured (e.g. a confirmation call), not later.
export const CONSENT_AFTER_CAPTURE_MAX_MS = DAY_MS;
export const FAST_FORM_FILL_SECONDS = 3;
export const IP_BURST_THRESHOLD = 5;

function hardError(code: HardCheckCode, field: string | null, message: string): LeadIssue {
  return { code, field, message, severity: 'ERROR' };
}

function softWarning(code: SoftSignalCode, field: string | null, message: string): LeadIssue {
  return { code, field, message, severity: 'WARNING' };
}

function isValidDate(date: Date): boolean {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

// CSV uploads carry every value as text, so the canonical text forms of numbers and booleans count.
function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return null;
}

function withinBounds(n: number, field: AttributeField): boolean {
  return (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max);
}

function isValidAttributeValue(value: unknown, field: AttributeField): boolean {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' && withinBounds(Array.from(value.trim()).length, field);
    case 'integer': {
      const n = asNumber(value);
      return n !== null && Number.isInteger(n) && withinBounds(n, field);
    }
    case 'number': {
      const n = asNumber(value);
      return n !== null && withinBounds(n, field);
    }
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'date':
      if (value instanceof Date) return isValidDate(value);
      // strict: rejects impossible calendar dates such as 2024-02-30
      return typeof value === 'string' && validator.isISO8601(value.trim(), { strict: true });
    case 'enum':
      return typeof value === 'string' && (field.values ?? []).includes(value);
    default:
      return false;
  }
}

/**
 * Checks segment-specific answers against the segment's schema: missing required ones and
 * malformed ones are ERRORs, names the schema does not know are WARNINGs (ATTRIBUTE_UNKNOWN).
 */
export function validateAttributes(
  attributes: Record<string, unknown> | null | undefined,
  schema: SegmentDefinition['attributeSchema'],
  subsegment: string | null | undefined,
): LeadIssue[] {
  const issues: LeadIssue[] = [];
  const given = attributes ?? {};
  for (const field of schema.fields) {
    const value = given[field.name];
    const path = `attributes.${field.name}`;
    // a field that does not apply to the lead's subsegment is neither required nor kept
    if (!attributeApplies(field, subsegment)) {
      if (!isMissing(value)) issues.push(softWarning('ATTRIBUTE_NOT_APPLICABLE', path, `${field.label} does not apply to this subsegment; it was dropped.`));
      continue;
    }
    if (isMissing(value)) {
      const required = field.required === true || (!!subsegment && (field.requiredFor ?? []).includes(subsegment));
      if (required) issues.push(hardError('ATTRIBUTE_REQUIRED', path, `${field.label} is required.`));
    } else if (!isValidAttributeValue(value, field)) {
      issues.push(hardError('ATTRIBUTE_INVALID', path, describeExpected(field)));
    }
  }
  const known = new Set(schema.fields.map((field) => field.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      issues.push(softWarning('ATTRIBUTE_UNKNOWN', `attributes.${name}`, `"${name}" is not an attribute of this segment; it was dropped.`));
    }
  }
  return issues;
}

function describeExpected(field: AttributeField): string {
  const bounds = [field.min !== undefined ? `≥ ${field.min}` : '', field.max !== undefined ? `≤ ${field.max}` : ''].filter(Boolean).join(' and ');
  const unit = field.type === 'string' ? ' characters' : '';
  switch (field.type) {
    case 'enum':
      return `${field.label} must be one of: ${(field.values ?? []).join(', ')}.`;
    case 'date':
      return `${field.label} must be an ISO 8601 date (e.g. 2025-06-30).`;
    case 'boolean':
      return `${field.label} must be true or false.`;
    default:
      return `${field.label} must be ${field.type === 'string' ? 'text' : `an ${field.type}`}${bounds ? ` ${bounds}${unit}` : ''}.`;
  }
}

/**
 * Hard checks other than the contact (normalizeContact reports those; checkLead runs both).
 * `segment` is the definition looked up by input.segment, undefined when there is none;
 * without it the segment-dependent checks (subsegment, TTL, attributes) are skipped.
 */
export function runHardChecks(input: TLeadInput, segment: SegmentDefinition | undefined, now: Date): LeadIssue[] {
  // messages name the field, never echo the value: a shifted CSV column puts phones and e-mails in any field,
  // and findings are stored (verification_results) and shown again
  const issues: LeadIssue[] = [];

  if (!segment) {
    issues.push(hardError('SEGMENT_UNKNOWN', 'segment', `segment is not a known segment.`));
  } else if (input.subsegment && !segment.subsegments.some((sub) => sub.code === input.subsegment)) {
    // No subsegment is allowed: the lead then belongs to the segment as a whole.
    issues.push(hardError('SUBSEGMENT_UNKNOWN', 'subsegment', `subsegment is not a subsegment of ${segment.code}.`));
  }

  const countryValid = /^[A-Z]{2}$/.test(input.country) && validator.isISO31661Alpha2(input.country);
  if (!countryValid) {
    issues.push(hardError('COUNTRY_INVALID', 'country', 'country is not an ISO 3166-1 alpha-2 country code.'));
  }
  if (input.region && !(/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(input.region) && input.region.startsWith(`${input.country}-`))) {
    issues.push(hardError('REGION_INVALID', 'region', `region is not an ISO 3166-2 region of ${input.country}.`));
  }

  const capturedAtValid = isValidDate(input.capturedAt);
  if (!capturedAtValid) {
    issues.push(hardError('CAPTURED_AT_INVALID', 'capturedAt', 'The capture time is not a valid date.'));
  } else if (input.capturedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    issues.push(hardError('CAPTURED_IN_FUTURE', 'capturedAt', 'The capture time is in the future.'));
  } else if (segment && now.getTime() - input.capturedAt.getTime() > segment.ttlDays * DAY_MS) {
    issues.push(hardError('LEAD_TOO_OLD', 'capturedAt', `The lead is older than ${segment.ttlDays} days, the segment's shelf life.`));
  }

  if (!input.consent?.text?.trim()) {
    issues.push(hardError('CONSENT_MISSING', 'consent.text', 'The consent text the person agreed to is missing.'));
  }
  const consentAt = input.consent?.timestamp;
  const consentLatest = Math.min(now.getTime() + CLOCK_SKEW_MS, capturedAtValid ? input.capturedAt.getTime() + CONSENT_AFTER_CAPTURE_MAX_MS : Infinity);
  if (!consentAt || !isValidDate(consentAt) || consentAt.getTime() > consentLatest) {
    issues.push(
      hardError('CONSENT_INVALID', 'consent.timestamp', 'The consent time must be a valid date, not in the future and at most one day after the capture.'),
    );
  }

  if (segment) issues.push(...validateAttributes(input.attributes, segment.attributeSchema, input.subsegment));
  return issues;
}

// Keyboard runs and placeholder words people type instead of a name.
const KEYBOARD_MASH = ['qwert', 'asdf', 'zxcv', 'sdfg', 'dfgh', 'hjkl', 'йцук', 'фыва', 'ячсм'];
const PLACEHOLDER_WORDS = new Set(['test', 'tester', 'тест', 'fake', 'dummy', 'noname', 'xxx']);

/** Digits, one letter 4+ times in a row, keyboard mash or a placeholder word such as "test". */
export function isSuspiciousName(fullName: string): boolean {
  const name = fullName.toLowerCase();
  if (/\p{N}/u.test(name)) return true;
  if (/(\p{L})\1{3,}/u.test(name)) return true;
  if (KEYBOARD_MASH.some((run) => name.includes(run))) return true;
  return name.split(/[^\p{L}]+/u).some((word) => PLACEHOLDER_WORDS.has(word));
}

// mailchecker's isValid also fails addresses its own regex dislikes; asking about a plain mailbox
// on the same domain keeps the answer about the domain alone.
function isDisposableEmail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return !isMailboxAllowed(`a@${domain}`);
}

/** Soft signals (WARNING): they lower the score; `ctx` carries what the rules cannot see themselves. */
export function runSoftSignals(input: TLeadInput, contact: NormalizedContact, ctx: SignalContext): LeadIssue[] {
  const signals: LeadIssue[] = [];
  if (contact.email && isDisposableEmail(contact.email)) {
    signals.push(softWarning('DISPOSABLE_EMAIL', 'email', 'The e-mail is on a disposable-mailbox domain.'));
  }
  if (contact.phoneE164 && contact.phoneCountry !== input.country) {
    signals.push(softWarning('PHONE_COUNTRY_MISMATCH', 'phone', `The phone belongs to ${contact.phoneCountry ?? 'no country'}, the lead to ${input.country}.`));
  }
  if (contact.phoneE164 && ctx.duplicatePhone) {
    signals.push(softWarning('DUPLICATE_PHONE', 'phone', 'This phone was already submitted in the segment within 90 days.'));
  }
  if (contact.email && ctx.duplicateEmail) {
    signals.push(softWarning('DUPLICATE_EMAIL', 'email', 'This e-mail was already submitted in the segment within 90 days.'));
  }
  if (input.formFillSeconds != null && input.formFillSeconds < FAST_FORM_FILL_SECONDS) {
    signals.push(softWarning('FAST_FORM_FILL', 'formFillSeconds', `The form was filled in under ${FAST_FORM_FILL_SECONDS} seconds.`));
  }
  if (ctx.leadsFromSameIpInBatch >= IP_BURST_THRESHOLD) {
    signals.push(softWarning('IP_BURST', 'ip', `${ctx.leadsFromSameIpInBatch} leads in this batch come from the same IP.`));
  }
  if (input.userAgent && isbot(input.userAgent)) {
    signals.push(softWarning('BOT_USER_AGENT', 'userAgent', 'The form was submitted by a bot user agent.'));
  }
  if (isSuspiciousName(contact.fullName)) {
    signals.push(softWarning('NAME_SUSPICIOUS', 'fullName', 'The name looks made up (digits, repeated letters or keyboard mash).'));
  }
  return signals;
}

export interface LeadCheckResult {
  contact: NormalizedContact;
  /** contact, hard-check and soft-signal issues; any ERROR rejects the lead */
  issues: LeadIssue[];
  score: number;
  temperature: Temperature;
}

/** `issues`: contact and hard-check issues (ATTRIBUTE_UNKNOWN is the one WARNING among them) */
export interface HardCheckResult {
  contact: NormalizedContact;
  issues: LeadIssue[];
  passed: boolean;
  /** the phone's parts from the contact's parse (maskPhoneParts), when the phone is valid */
  phoneParts?: PhoneParts | null;
}

export function hasError(issues: readonly LeadIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'ERROR');
}

/** Contact normalization and hard checks: what decides, before any database look-up, whether the lead is rejected. */
export function checkLeadHard(input: TLeadInput, segment: SegmentDefinition | undefined, now: Date): HardCheckResult {
  const { contact, issues: contactIssues, phoneParts } = normalizeContact(input);
  const issues = [...contactIssues, ...runHardChecks(input, segment, now)];
  return { contact, issues, passed: !hasError(issues), phoneParts };
}

/**
 * Soft signals and the score for a lead whose hard checks ran. A rejected lead never gets a duplicate
 * signal: it would tell a seller which phones and e-mails other sellers hold (the duplicate oracle),
 * so the context's duplicate flags are ignored for it.
 */
export function checkLeadSoft(
  input: TLeadInput,
  segment: SegmentDefinition | undefined,
  hard: HardCheckResult,
  ctx: SignalContext,
): { signals: LeadIssue[]; score: number; temperature: Temperature } {
  const context = hard.passed ? ctx : { ...ctx, duplicatePhone: false, duplicateEmail: false };
  const measured = ctx.certificateSignals ?? [];
  const reported = runSoftSignals(input, hard.contact, context).filter((s) => !measured.some((m) => m.code === s.code));
  const signals = [...reported, ...measured];
  const known = new Set(segment?.attributeSchema.fields.map((field) => field.name) ?? []);
  const segmentAttributes = Object.fromEntries(Object.entries(input.attributes ?? {}).filter(([name]) => known.has(name)));
  const { score, temperature } = scoreLead({ ...input, attributes: segmentAttributes }, hard.contact, signals, ctx.now);
  return { signals, score, temperature };
}

/**
 * The whole per-lead verification in one call: contact normalization, hard checks, soft signals
 * and the score. Only soft signals lower the score: ATTRIBUTE_UNKNOWN is reported as a WARNING
 * but is about the seller's mapping, not the person. Only the segment's own attributes earn points.
 * Duplicate signals appear only when every hard check passed (see checkLeadSoft).
 */
export function checkLead(input: TLeadInput, segment: SegmentDefinition | undefined, ctx: SignalContext): LeadCheckResult {
  const hard = checkLeadHard(input, segment, ctx.now);
  const { signals, score, temperature } = checkLeadSoft(input, segment, hard, ctx);
  return { contact: hard.contact, issues: [...hard.issues, ...signals], score, temperature };
}
