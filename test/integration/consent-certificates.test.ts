// Issue 13: consent certificates. The capture script on a seller's form asks for a signed certificate (real HTTP
// with an Origin header); a lead submitted with it is checked against it, claims it once, and its buyer sees it.
import { eq, schema } from '@leadex/db';
import type { Actor } from '@leadex/core/domain/auth/access';
import { issueCertificate } from '@leadex/core/domain/consent/issue-certificate';
import { claimCertificates } from '@leadex/core/domain/consent/verify-certificate';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { WARNING_PENALTY } from '@leadex/core/domain/leads/lead-score.rules';
import { runSpotCheck } from '@leadex/core/domain/verification/run-spot-check';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { uniquePhone } from '../fixtures/leads';

const FORM_ORIGIN = 'https://forms.dealer.example';
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';

let app: TestApp;
let seller: TestUser;
let sellerActor: Actor;
beforeAll(async () => {
  app = await startTestApp({ label: 'consentcert', stripe: true });
  seller = await signUpAs(app, 'SELLER');
  sellerActor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER', via: 'session' };
  await app.client(seller).request('mutation($o: String!) { addConsentOrigin(origin: $o) { id origin } }', { o: `${FORM_ORIGIN}/` });
});
afterAll(() => app.close());

interface Contact {
  phone: string;
  email: string;
}
const contact = (): Contact => ({ phone: uniquePhone(), email: `cert-${Math.random().toString(36).slice(2, 10)}@example.org` });

function certificateBody(c: Contact, extra: Record<string, unknown> = {}) {
  return {
    seller: seller.organizationId,
    pageUrl: `${FORM_ORIGIN}/test-drive`,
    pageTitle: 'Book a test drive',
    consentText: 'I agree that Leadex partners may call me about a test drive.',
    timeOnPageMs: 41_000,
    keystrokeToSubmitMs: 12_000,
    phoneEntry: 'TYPED',
    emailEntry: 'TYPED',
    viewport: { width: 390, height: 844 },
    ...c,
    ...extra,
  };
}

async function requestCertificate(body: unknown, origin: string | null = FORM_ORIGIN) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': UA };
  if (origin) headers.origin = origin;
  const res = await fetch(`${app.url}/consent/certificates`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { res, json: (await res.json()) as { certificateId?: string; expiresAt?: string; error?: { reason: string } } };
}

async function certificateFor(c: Contact, extra: Record<string, unknown> = {}): Promise<string> {
  const { res, json } = await requestCertificate(certificateBody(c, extra));
  expect(res.status).toBe(201);
  return json.certificateId!;
}

const leadWith = (c: Contact, certificateId?: string) => {
  const capturedAt = new Date().toISOString();
  return sharedLead(3, { ...c, capturedAt, consent: { text: 'I agree to be contacted.', timestamp: capturedAt, certificateId } });
};

async function submitOne(lead: Record<string, unknown>) {
  const batch = await submitLeads(app.runtime.deps, sellerActor, [lead], { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  const [result] = batch.results;
  return { accepted: batch.accepted, errors: result!.issues.filter((i) => i.severity === 'ERROR').map((i) => [i.code, i.field]), lead: result!.lead };
}

describe('issuing certificates', () => {
  it('refuses a page whose origin the seller did not register, and gives it no CORS answer', async () => {
    const { res, json } = await requestCertificate(certificateBody(contact()), 'https://evil.example');
    expect(res.status).toBe(403);
    expect(json.error?.reason).toBe('CONSENT_ORIGIN_NOT_ALLOWED');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await requestCertificate(certificateBody(contact()), null)).res.status).toBe(403);

    const preflight = (origin: string) =>
      fetch(`${app.url}/consent/certificates`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const good = await preflight(FORM_ORIGIN);
    expect(good.status).toBe(204);
    expect(good.headers.get('access-control-allow-origin')).toBe(FORM_ORIGIN);
    const bad = await preflight('https://evil.example');
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('narrows the preflight to the seller the script names (?seller=): another seller’s origin is refused', async () => {
    const other = await signUpAs(app, 'SELLER', 'origin-owner');
    const otherOrigin = 'https://forms.other-seller.example';
    await app.client(other).request('mutation($o: String!) { addConsentOrigin(origin: $o) { id } }', { o: otherOrigin });
    const preflight = (origin: string, sellerId: string) =>
      fetch(`${app.url}/consent/certificates?seller=${encodeURIComponent(sellerId)}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight(FORM_ORIGIN, seller.organizationId)).status).toBe(204);
    expect((await preflight(otherOrigin, other.organizationId)).status).toBe(204);
    // registered, but by the other seller: no preflight answer for this seller's form
    const crossed = await preflight(otherOrigin, seller.organizationId);
    expect(crossed.status).toBe(403);
    expect(crossed.headers.get('access-control-allow-origin')).toBeNull();
    // the URL and the body naming two sellers
    const headers = { 'content-type': 'application/json', 'user-agent': UA, origin: FORM_ORIGIN };
    const res = await fetch(`${app.url}/consent/certificates?seller=${encodeURIComponent(other.organizationId)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(certificateBody(contact())),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('CONSENT_ORIGIN_NOT_ALLOWED');
  });

  it('stores hashes, never the raw phone or e-mail, and answers the registered origin', async () => {
    const c = contact();
    const { res, json } = await requestCertificate(certificateBody(c));
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(FORM_ORIGIN);
    expect(json.certificateId).toMatch(/^cct_/);
    expect(new Date(json.expiresAt!).getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const [row] = await app.runtime.deps.db.select().from(schema.consentCertificates).where(eq(schema.consentCertificates.id, json.certificateId!));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(c.phone.slice(2));
    expect(stored).not.toContain(c.email);
    expect(row).toMatchObject({ origin: FORM_ORIGIN, userAgent: UA, phoneEntry: 'TYPED', claimedByLeadId: null });
  });
});

describe('submitting a lead with a certificate', () => {
  it('lists a lead with a good certificate; its buyer sees the certificate verified', async () => {
    const c = contact();
    const certificateId = await certificateFor(c);
    const [leadId] = await listLeads(app, sellerActor, [leadWith(c, certificateId)]);
    const buyer = await signUpAs(app, 'BUYER');
    await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [leadId!]);
    const { lead } = await app
      .client(buyer)
      .request<{ lead: { consent: { certificate: { id: string; verified: boolean; pageUrl: string; timeOnPageMs: number; phoneEntry: string } } } }>(
        'query($id: ID!) { lead(id: $id) { consent { certificate { id verified pageUrl timeOnPageMs phoneEntry issuedAt } } } }',
        { id: leadId },
      );
    expect(lead.consent.certificate).toMatchObject({
      id: certificateId,
      verified: true,
      pageUrl: `${FORM_ORIGIN}/test-drive`,
      timeOnPageMs: 41_000,
      phoneEntry: 'TYPED',
    });
    const other = await signUpAs(app, 'BUYER', 'other-buyer');
    const seen = await app
      .client(other)
      .request<{ lead: { consent: unknown } | null }>('query($id: ID!) { lead(id: $id) { consent { certificate { id } } } }', { id: leadId });
    expect(seen.lead?.consent ?? null).toBeNull();
  });

  it('adds pace signals for a form filled in 2 s with a pasted phone', async () => {
    const c = contact();
    const certificateId = await certificateFor(c, { timeOnPageMs: 2_000, keystrokeToSubmitMs: 300, phoneEntry: 'PASTED' });
    const { accepted, lead } = await submitOne(leadWith(c, certificateId));
    expect(accepted).toBe(1);
    const codes = (lead!.signals as { code: string; field: string }[]).filter((s) => s.field === 'consent.certificateId').map((s) => s.code);
    expect(codes).toEqual(['FAST_FORM_FILL', 'CONTACT_PASTED']);
    // the same person with a typed, unhurried certificate scores higher: each pace signal costs like any soft signal
    const calm = contact();
    const calmLead = (await submitOne(leadWith(calm, await certificateFor(calm)))).lead!;
    expect(calmLead.score - lead!.score).toBe(2 * WARNING_PENALTY);
  });

  it('lets the measured fill time replace a seller-reported one: one FAST_FORM_FILL, scored once', async () => {
    const c = contact();
    const certificateId = await certificateFor(c, { timeOnPageMs: 2_000 });
    const { lead } = await submitOne({ ...leadWith(c, certificateId), formFillSeconds: 1 });
    const fast = (lead!.signals as { code: string; field: string }[]).filter((s) => s.code === 'FAST_FORM_FILL');
    expect(fast).toEqual([expect.objectContaining({ field: 'consent.certificateId' })]);
  });

  it('refuses a certificate used a second time, and lets exactly one of two concurrent submissions claim it', async () => {
    const c = contact();
    const first = await certificateFor(c);
    expect((await submitOne(leadWith(c, first))).accepted).toBe(1);
    expect((await submitOne(leadWith(c, first))).errors).toEqual([['CONSENT_CERTIFICATE_REUSED', 'consent.certificateId']]);

    const d = contact();
    const raced = await certificateFor(d);
    const outcomes = await Promise.all([submitOne(leadWith(d, raced)), submitOne(leadWith(d, raced))]);
    expect(outcomes.map((o) => o.accepted).sort()).toEqual([0, 1]);
    expect(outcomes.find((o) => o.accepted === 0)!.errors).toEqual([['CONSENT_CERTIFICATE_REUSED', 'consent.certificateId']]);
    const [row] = await app.runtime.deps.db.select().from(schema.consentCertificates).where(eq(schema.consentCertificates.id, raced));
    expect(row!.claimedByLeadId).toBe(outcomes.find((o) => o.accepted === 1)!.lead!.id);
  });

  it('lets only one of two concurrent claims of a checked certificate win (the conditional UPDATE)', async () => {
    const certificateId = await certificateFor(contact());
    const claim = (leadId: string) => app.runtime.deps.db.transaction((tx) => claimCertificates(tx, [{ leadId, certificateId }]));
    const lost = await Promise.all([claim('lead_race_a'), claim('lead_race_b')]);
    expect(lost.map((l) => l.size).sort()).toEqual([0, 1]);
  });

  it('refuses a lead whose phone is not the certificate’s, and the rest of the batch goes on', async () => {
    const c = contact();
    const certificateId = await certificateFor(c);
    const good = contact();
    const batch = await submitLeads(app.runtime.deps, sellerActor, [leadWith({ ...c, phone: uniquePhone() }, certificateId), leadWith(good)], {
      source: 'GRAPHQL',
      shapeErrors: 'refuse-request',
    });
    expect(batch.accepted).toBe(1);
    expect(batch.results[0]!.issues.filter((i) => i.severity === 'ERROR').map((i) => [i.code, i.field])).toEqual([['CONSENT_CERTIFICATE_MISMATCH', 'phone']]);
  });

  it('refuses an expired certificate', async () => {
    const c = contact();
    const issuedAt = new Date(Date.now() - 73 * 3_600_000);
    const cert = await issueCertificate(app.runtime.deps, certificateBody(c), { origin: FORM_ORIGIN, userAgent: UA, ip: '198.51.100.9' }, { issuedAt });
    expect((await submitOne(leadWith(c, cert.id))).errors).toEqual([['CONSENT_CERTIFICATE_EXPIRED', 'consent.certificateId']]);
  });

  it('detects a stored fact changed after issue', async () => {
    const c = contact();
    const certificateId = await certificateFor(c, { timeOnPageMs: 1_500 });
    await app.runtime.deps.db.update(schema.consentCertificates).set({ timeOnPageMs: 60_000 }).where(eq(schema.consentCertificates.id, certificateId));
    expect((await submitOne(leadWith(c, certificateId))).errors).toEqual([['CONSENT_CERTIFICATE_INVALID', 'consent.certificateId']]);
  });

  it('refuses another seller’s certificate as not found', async () => {
    const c = contact();
    const certificateId = await certificateFor(c);
    const other = await signUpAs(app, 'SELLER', 'other-seller');
    const otherActor: Actor = { userId: other.userId, organizationId: other.organizationId, role: 'SELLER', via: 'session' };
    const batch = await submitLeads(app.runtime.deps, otherActor, [leadWith(c, certificateId)], { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
    expect(batch.results[0]!.issues.map((i) => i.code)).toContain('CONSENT_CERTIFICATE_NOT_FOUND');
  });

  it('rejects a lead without a certificate in a segment that requires one', async () => {
    const operator = await createOperatorUser(app);
    const policy =
      'mutation($on: Boolean!) { setSegmentPolicy(segment: "AUTO_TEST_DRIVE", requireConsentCertificate: $on) { code requireConsentCertificate } }';
    const set = await app.client(operator).request<{ setSegmentPolicy: { requireConsentCertificate: boolean } }>(policy, { on: true });
    expect(set.setSegmentPolicy.requireConsentCertificate).toBe(true);
    try {
      expect((await submitOne(leadWith(contact()))).errors).toEqual([['CONSENT_CERTIFICATE_REQUIRED', 'consent.certificateId']]);
      const c = contact();
      expect((await submitOne(leadWith(c, await certificateFor(c)))).accepted).toBe(1);
    } finally {
      await app.client(operator).request(policy, { on: false });
    }
  });
});

describe('the spot-check re-verifies the certificate', () => {
  const automaticFindings = async (leadId: string) =>
    (await app.runtime.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.leadId, leadId)))
      .filter((f) => f.stage === 'AUTOMATIC')
      .map((f) => [f.code, f.field]);

  it('keeps a lead from VERIFIED when its certificate was altered after the lead claimed it', async () => {
    const c = contact();
    const certificateId = await certificateFor(c);
    const { accepted, lead } = await submitOne(leadWith(c, certificateId));
    expect(accepted).toBe(1);
    // between submission and the spot-check, someone edits the stored facts (the form looked slower than it was)
    await app.runtime.deps.db.update(schema.consentCertificates).set({ timeOnPageMs: 90_000 }).where(eq(schema.consentCertificates.id, certificateId));
    await runSpotCheck(app.runtime.deps, lead!.batchId);
    expect(await automaticFindings(lead!.id)).toEqual([['CONSENT_CERTIFICATE', 'consent.certificateId']]);
    const [after] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, lead!.id));
    expect(after!.verification).not.toBe('VERIFIED');
  });

  it('passes a lead whose certificate is intact, even after the certificate’s 72 hours (the claim ties them)', async () => {
    const c = contact();
    const certificateId = await certificateFor(c);
    const { lead } = await submitOne(leadWith(c, certificateId));
    // the spot-check runs four days later (a sweeper catching up): the certificate expired, but only unclaimed
    const later = new Date(Date.now() + 96 * 3_600_000);
    await runSpotCheck({ ...app.runtime.deps, clock: () => later }, lead!.batchId);
    expect(await automaticFindings(lead!.id)).toEqual([['AUTOMATIC_PASSED', null]]);
  });
});

describe('a certificate by id (the printable certificate page)', () => {
  const BY_ID = 'query($id: ID!) { consentCertificate(id: $id) { id leadId verified pageTitle consentText keystrokeToSubmitMs emailEntry } }';
  type ById = { consentCertificate: { id: string; leadId: string | null; verified: boolean } | null };

  it('shows it to the seller, the buyer who bought its lead and operators; to anyone else it does not exist', async () => {
    const c = contact();
    const certificateId = await certificateFor(c);
    const [leadId] = await listLeads(app, sellerActor, [leadWith(c, certificateId)]);
    const buyer = await signUpAs(app, 'BUYER');
    const read = (u: TestUser | undefined) => app.client(u).request<ById>(BY_ID, { id: certificateId });
    // not bought yet: the buyer may not read the lead's consent
    expect((await read(buyer)).consentCertificate).toBeNull();
    await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [leadId!]);

    const expected = {
      id: certificateId,
      leadId,
      verified: true,
      pageTitle: 'Book a test drive',
      consentText: 'I agree that Leadex partners may call me about a test drive.',
      keystrokeToSubmitMs: 12_000,
      emailEntry: 'TYPED',
    };
    expect((await read(buyer)).consentCertificate).toEqual(expected);
    expect((await read(seller)).consentCertificate).toEqual(expected);
    expect((await read(await createOperatorUser(app))).consentCertificate).toEqual(expected);
    expect((await read(await signUpAs(app, 'BUYER', 'other-buyer'))).consentCertificate).toBeNull();
    expect((await read(await signUpAs(app, 'SELLER', 'other-seller'))).consentCertificate).toBeNull();
    expect((await read(undefined)).consentCertificate).toBeNull();
  });

  it('gives null for an unknown id and for a certificate no lead has claimed yet, even to its seller', async () => {
    const unclaimed = await certificateFor(contact());
    for (const id of [unclaimed, 'cer_doesnotexist']) {
      expect((await app.client(seller).request<ById>(BY_ID, { id })).consentCertificate).toBeNull();
    }
  });
});
