// Consent certificate rules: the canonical signed payload, its HMAC, expiry, the capture window of a lead,
// origin normalization and the human-pace signals a certificate adds to its lead.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LeadIssue } from '../leads/lead.types';
import { FAST_FORM_FILL_SECONDS } from '../leads/lead-checks.rules';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

// a certificate backs a lead submitted within three days of the form; later it is stale evidence
export const CERTIFICATE_LIFETIME_MS = 72 * HOUR_MS;
// a seller's clock may run behind ours: a lead captured this long before the certificate was issued still fits
export const CAPTURE_BEFORE_ISSUE_MS = 5 * MINUTE_MS;
export const FAST_FORM_FILL_MS = FAST_FORM_FILL_SECONDS * 1000;

export const CONTACT_ENTRIES = ['TYPED', 'PASTED', 'EMPTY'] as const;
export type ContactEntry = (typeof CONTACT_ENTRIES)[number];

/** Every stored fact the signature covers (all columns but the signature and the claim). */
export interface CertificateFacts {
  id: string;
  sellerOrgId: string;
  origin: string;
  pageUrl: string;
  pageTitle: string | null;
  consentText: string;
  timeOnPageMs: number;
  keystrokeToSubmitMs: number | null;
  phoneEntry: string;
  emailEntry: string;
  viewportWidth: number;
  viewportHeight: number;
  userAgent: string;
  phoneHash: string | null;
  emailHash: string | null;
  issuedAt: Date;
  expiresAt: Date;
}

/** The facts as JSON with a fixed key order and ISO dates, so the same facts always give the same bytes. */
export function canonicalPayload(f: CertificateFacts): string {
  return JSON.stringify([
    ['v', 1],
    ['id', f.id],
    ['sellerOrgId', f.sellerOrgId],
    ['origin', f.origin],
    ['pageUrl', f.pageUrl],
    ['pageTitle', f.pageTitle],
    ['consentText', f.consentText],
    ['timeOnPageMs', f.timeOnPageMs],
    ['keystrokeToSubmitMs', f.keystrokeToSubmitMs],
    ['phoneEntry', f.phoneEntry],
    ['emailEntry', f.emailEntry],
    ['viewportWidth', f.viewportWidth],
    ['viewportHeight', f.viewportHeight],
    ['userAgent', f.userAgent],
    ['phoneHash', f.phoneHash],
    ['emailHash', f.emailHash],
    ['issuedAt', f.issuedAt.toISOString()],
    ['expiresAt', f.expiresAt.toISOString()],
  ]);
}

export function signCertificate(facts: CertificateFacts, key: string): string {
  return createHmac('sha256', key).update(canonicalPayload(facts)).digest('hex');
}

export function signatureValid(facts: CertificateFacts, signature: string, key: string): boolean {
  const expected = Buffer.from(signCertificate(facts, key), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function certificateExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + CERTIFICATE_LIFETIME_MS);
}

export function isExpired(cert: { expiresAt: Date }, now: Date): boolean {
  return now.getTime() > cert.expiresAt.getTime();
}

/** A lead's capturedAt fits the certificate when it lies in [issuedAt − 5 min, expiresAt]. */
export function capturedWithin(cert: { issuedAt: Date; expiresAt: Date }, capturedAt: Date): boolean {
  const t = capturedAt.getTime();
  return t >= cert.issuedAt.getTime() - CAPTURE_BEFORE_ISSUE_MS && t <= cert.expiresAt.getTime();
}

/**
 * A form origin as the browser sends it in `Origin`: http(s) scheme, host and a non-default port, nothing else
 * (no path, query, fragment or credentials). Null when the text is not one.
 */
export function normalizeOrigin(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

function warning(code: string, field: string, message: string): LeadIssue {
  return { code, field, message, severity: 'WARNING' };
}

/** Soft signals (WARNING) of how the form was filled in: too fast for a person, or contact pasted in. */
export function paceSignals(cert: { timeOnPageMs: number; phoneEntry: string; emailEntry: string }): LeadIssue[] {
  const signals: LeadIssue[] = [];
  if (cert.timeOnPageMs < FAST_FORM_FILL_MS) {
    signals.push(
      warning('FAST_FORM_FILL', 'consent.certificateId', `The consent certificate shows the form was filled in under ${FAST_FORM_FILL_SECONDS} seconds.`),
    );
  }
  const pasted = [cert.phoneEntry === 'PASTED' ? 'phone' : null, cert.emailEntry === 'PASTED' ? 'e-mail' : null].filter(Boolean);
  if (pasted.length) {
    signals.push(warning('CONTACT_PASTED', 'consent.certificateId', `The consent certificate shows the ${pasted.join(' and ')} was pasted, not typed.`));
  }
  return signals;
}

export interface StoredCertificate extends CertificateFacts {
  signature: string;
  claimedByLeadId: string | null;
}

export interface LeadForCertificate {
  sellerOrgId: string;
  phoneHash: string | null;
  emailHash: string | null;
  capturedAt: Date;
}

function rejection(code: string, field: string, message: string): LeadIssue {
  return { code, field, message, severity: 'ERROR' };
}

/**
 * Why a certificate does not back this lead (an ERROR issue), or null when it does. Another seller's
 * certificate reads as not found, so ids cannot be probed across sellers.
 */
export function certificateProblem(cert: StoredCertificate | undefined, lead: LeadForCertificate, now: Date, key: string): LeadIssue | null {
  const field = 'consent.certificateId';
  if (!cert || cert.sellerOrgId !== lead.sellerOrgId) return rejection('CONSENT_CERTIFICATE_NOT_FOUND', field, 'No consent certificate with this id');
  if (!signatureValid(cert, cert.signature, key)) {
    return rejection('CONSENT_CERTIFICATE_INVALID', field, 'The consent certificate was altered after it was issued');
  }
  if (isExpired(cert, now)) return rejection('CONSENT_CERTIFICATE_EXPIRED', field, 'The consent certificate has expired');
  // a hash the certificate lacks matches only a lead without that contact
  if (cert.phoneHash !== lead.phoneHash)
    return rejection('CONSENT_CERTIFICATE_MISMATCH', 'phone', 'The phone is not the one the consent certificate was issued for');
  if (cert.emailHash !== lead.emailHash)
    return rejection('CONSENT_CERTIFICATE_MISMATCH', 'email', 'The e-mail is not the one the consent certificate was issued for');
  if (!capturedWithin(cert, lead.capturedAt)) {
    return rejection('CONSENT_CERTIFICATE_MISMATCH', 'capturedAt', "The lead's capturedAt lies outside the consent certificate's window");
  }
  if (cert.claimedByLeadId) return rejection('CONSENT_CERTIFICATE_REUSED', field, 'The consent certificate already backs another lead');
  return null;
}
