import {
  CAPTURE_BEFORE_ISSUE_MS,
  CERTIFICATE_LIFETIME_MS,
  canonicalPayload,
  capturedWithin,
  certificateExpiry,
  certificateProblem,
  isExpired,
  normalizeOrigin,
  paceSignals,
  signCertificate,
  signatureValid,
  type CertificateFacts,
  type LeadForCertificate,
  type StoredCertificate,
} from './certificate.rules';

const KEY = 'test-consent-signing-key-0123456789';
const issuedAt = new Date('2026-11-20T10:00:00Z');

function facts(over: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    id: 'cct_1',
    sellerOrgId: 'org_s',
    origin: 'https://forms.example.com',
    pageUrl: 'https://forms.example.com/quote',
    pageTitle: 'Get a quote',
    consentText: 'I agree to be called.',
    timeOnPageMs: 42_000,
    keystrokeToSubmitMs: 9_000,
    phoneEntry: 'TYPED',
    emailEntry: 'EMPTY',
    viewportWidth: 390,
    viewportHeight: 844,
    userAgent: 'Mozilla/5.0',
    phoneHash: 'ph',
    emailHash: null,
    issuedAt,
    expiresAt: certificateExpiry(issuedAt),
    ...over,
  };
}

function stored(over: Partial<StoredCertificate> = {}): StoredCertificate {
  const f = facts(over);
  return { ...f, signature: signCertificate(f, KEY), claimedByLeadId: null, ...over };
}

const lead: LeadForCertificate = { sellerOrgId: 'org_s', phoneHash: 'ph', emailHash: null, capturedAt: issuedAt };

describe('certificate signature', () => {
  it('gives the same payload for the same facts, whatever the key order of the object', () => {
    const reordered = Object.fromEntries(Object.entries(facts()).reverse()) as unknown as CertificateFacts;
    expect(canonicalPayload(reordered)).toBe(canonicalPayload(facts()));
  });

  it('verifies its own signature and refuses one over changed facts or with another key', () => {
    const signature = signCertificate(facts(), KEY);
    expect(signatureValid(facts(), signature, KEY)).toBe(true);
    expect(signatureValid(facts({ timeOnPageMs: 42_001 }), signature, KEY)).toBe(false);
    expect(signatureValid(facts({ pageTitle: null }), signature, KEY)).toBe(false);
    expect(signatureValid(facts(), signature, `${KEY}x`)).toBe(false);
    expect(signatureValid(facts(), 'not-hex', KEY)).toBe(false);
  });
});

describe('certificate windows', () => {
  it('expires 72 hours after issue, not a millisecond before', () => {
    const cert = { expiresAt: certificateExpiry(issuedAt) };
    expect(cert.expiresAt.getTime() - issuedAt.getTime()).toBe(CERTIFICATE_LIFETIME_MS);
    expect(isExpired(cert, cert.expiresAt)).toBe(false);
    expect(isExpired(cert, new Date(cert.expiresAt.getTime() + 1))).toBe(true);
  });

  it('accepts a capture from 5 minutes before issue until expiry', () => {
    const cert = { issuedAt, expiresAt: certificateExpiry(issuedAt) };
    expect(capturedWithin(cert, new Date(issuedAt.getTime() - CAPTURE_BEFORE_ISSUE_MS))).toBe(true);
    expect(capturedWithin(cert, new Date(issuedAt.getTime() - CAPTURE_BEFORE_ISSUE_MS - 1))).toBe(false);
    expect(capturedWithin(cert, cert.expiresAt)).toBe(true);
    expect(capturedWithin(cert, new Date(cert.expiresAt.getTime() + 1))).toBe(false);
  });
});

describe('normalizeOrigin', () => {
  it.each([
    ['https://Forms.Example.com', 'https://forms.example.com'],
    ['https://forms.example.com/', 'https://forms.example.com'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['https://forms.example.com:443', 'https://forms.example.com'],
  ])('normalizes %s to %s', (raw, origin) => expect(normalizeOrigin(raw)).toBe(origin));

  it.each(['ftp://forms.example.com', 'javascript:alert(1)', 'https://forms.example.com/quote', 'https://a.com?x=1', 'https://u:p@a.com', 'a.com', ''])(
    'refuses %p',
    (raw) => expect(normalizeOrigin(raw)).toBeNull(),
  );
});

describe('paceSignals', () => {
  it('warns of a form filled in under 3 seconds and of pasted contacts', () => {
    expect(paceSignals({ timeOnPageMs: 2_000, phoneEntry: 'PASTED', emailEntry: 'PASTED' }).map((s) => [s.code, s.severity])).toEqual([
      ['FAST_FORM_FILL', 'WARNING'],
      ['CONTACT_PASTED', 'WARNING'],
    ]);
    expect(paceSignals({ timeOnPageMs: 3_000, phoneEntry: 'TYPED', emailEntry: 'EMPTY' })).toEqual([]);
  });
});

describe('certificateProblem', () => {
  const now = new Date(issuedAt.getTime() + 60_000);
  const code = (cert: StoredCertificate | undefined, l = lead, at = now) => certificateProblem(cert, l, at, KEY)?.code ?? null;

  it('accepts a matching, fresh, unclaimed certificate', () => expect(code(stored())).toBeNull());
  it('reads a missing or another seller’s certificate as not found', () => {
    expect(code(undefined)).toBe('CONSENT_CERTIFICATE_NOT_FOUND');
    expect(code(stored(), { ...lead, sellerOrgId: 'org_other' })).toBe('CONSENT_CERTIFICATE_NOT_FOUND');
  });
  it('detects a stored fact changed after signing', () => expect(code({ ...stored(), timeOnPageMs: 60_000 })).toBe('CONSENT_CERTIFICATE_INVALID'));
  it('refuses an expired one', () =>
    expect(code(stored(), lead, new Date(issuedAt.getTime() + CERTIFICATE_LIFETIME_MS + 1))).toBe('CONSENT_CERTIFICATE_EXPIRED'));
  it('matches a missing hash only to a lead without that contact', () => {
    expect(certificateProblem(stored(), { ...lead, phoneHash: 'other' }, now, KEY)?.field).toBe('phone');
    expect(certificateProblem(stored(), { ...lead, emailHash: 'eh' }, now, KEY)?.field).toBe('email');
    expect(code(stored({ phoneHash: null }), { ...lead, phoneHash: null })).toBeNull();
  });
  it('refuses a lead captured outside the window', () => {
    expect(certificateProblem(stored(), { ...lead, capturedAt: new Date(issuedAt.getTime() - 6 * 60_000) }, now, KEY)?.field).toBe('capturedAt');
  });
  it('refuses a claimed one as reused', () => expect(code(stored({ claimedByLeadId: 'lead_x' }))).toBe('CONSENT_CERTIFICATE_REUSED'));
});
