// Issue 11 §3: the consent proof a seller recorded reaches the buyer who paid: Lead.consent (read and audited like
// the contact, one audit entry when both are asked for), the purchases CSV and the lead.purchased webhook payload,
// both with the id of the consent certificate behind it (issue 13).
import { and, eq, schema } from '@leadex/db';
import { attemptDelivery } from '@leadex/core/domain/exchange/attempt-delivery';
import { readLeadDisclosure } from '@leadex/core/domain/leads/read-contact';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { ClientError } from 'graphql-request';
import { signUpAs, type TestUser } from '../helpers/actors';
import { signedWith, startWebhookReceiver } from '../helpers/exchange-fixtures';
import { buyThroughStripe, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const { parse } = createRequire(new URL('../../api/package.json', import.meta.url))('csv-parse/sync') as { parse: (text: string) => string[][] };

let app: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver(() => 200);
  app = await startTestApp({ label: 'consentbuyer', stripe: true, env: { WEBHOOK_ALLOW_HOSTS: receiver.host } });
});
afterAll(async () => {
  await app.close();
  await receiver.close();
});

const CONSENT = {
  text: 'I agree that Leadex partners may call me about a test drive.',
  ip: '198.51.100.23',
  pageUrl: 'https://dealer.example/test-drive?utm=ads',
};
const LEAD = `query($id: ID!) { lead(id: $id) { id contact { fullName phone } consent { text timestamp ip pageUrl } } }`;
type Read = {
  lead: {
    id: string;
    contact: { fullName: string } | null;
    consent: { text: string; timestamp: string; ip: string | null; pageUrl: string | null } | null;
  } | null;
};
const asActor = (u: TestUser) => ({ userId: u.userId, organizationId: u.organizationId, role: 'BUYER' as const, via: 'session' as const });

async function boughtLead(buyer: TestUser) {
  const capturedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const seller = await createSellerActor(app);
  const [leadId] = await listLeads(app, seller, [sharedLead(3, { capturedAt, consent: { ...CONSENT, timestamp: capturedAt } })]);
  const { purchases } = await buyThroughStripe(app, asActor(buyer), [leadId!]);
  return { leadId: leadId!, sellerOrgId: seller.organizationId, purchase: purchases[0]!, capturedAt };
}
// a certificate claimed by the lead, straight into the table (issuing and claiming: consent-certificates.test.ts);
// only its id travels with the consent, so its signature does not matter here
async function claimedCertificate(leadId: string, sellerOrgId: string): Promise<string> {
  const id = `cer_${randomBytes(6).toString('hex')}`;
  const now = new Date();
  await app.runtime.deps.db.insert(schema.consentCertificates).values({
    id,
    sellerOrgId,
    origin: 'https://dealer.example',
    pageUrl: CONSENT.pageUrl,
    consentText: CONSENT.text,
    timeOnPageMs: 30_000,
    phoneEntry: 'TYPED',
    emailEntry: 'TYPED',
    viewportWidth: 1280,
    viewportHeight: 800,
    userAgent: 'test',
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
    signature: 'test',
    claimedByLeadId: leadId,
  });
  return id;
}
const buyerReads = (leadId: string) =>
  app.runtime.deps.db
    .select()
    .from(schema.contactReads)
    .where(and(eq(schema.contactReads.leadId, leadId), eq(schema.contactReads.purpose, 'BUYER')));

describe('consent proof reaches the paying buyer', () => {
  it('shows the paying buyer the consent, audited once with the contact; another buyer and anonymous callers get nothing', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { leadId, capturedAt } = await boughtLead(buyer);
    const before = (await buyerReads(leadId)).length;

    const { lead } = await app.client(buyer).request<Read>(LEAD, { id: leadId });
    expect(lead!.consent).toEqual({ ...CONSENT, timestamp: capturedAt });
    expect(lead!.contact?.fullName).toBe('Maria Lopez');
    // contact and consent in one request: one decision, one audit entry
    expect((await buyerReads(leadId)).length).toBe(before + 1);

    const other = await signUpAs(app, 'BUYER', 'other-buyer');
    const seen = await app.client(other).request<Read>(LEAD, { id: leadId });
    expect(seen.lead?.consent ?? null).toBeNull();
    expect(seen.lead?.contact ?? null).toBeNull();
    const anonymous = await app
      .client()
      .request(LEAD, { id: leadId })
      .then(
        () => null,
        (e: ClientError) => e.response.errors![0]!.extensions?.code,
      );
    expect(anonymous).toBe('UNAUTHENTICATED');
    const [row] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId));
    expect(await readLeadDisclosure(app.runtime.deps, null, row!)).toBeNull();
    // neither of them left an audit entry
    const reads = await app.runtime.deps.db.select().from(schema.contactReads).where(eq(schema.contactReads.leadId, leadId));
    expect(reads.filter((r) => r.organizationId === other.organizationId)).toEqual([]);
  });

  it('lists the consent and its certificate id in the purchases CSV', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { leadId, sellerOrgId, capturedAt } = await boughtLead(buyer);
    const certificateId = await claimedCertificate(leadId, sellerOrgId);
    const { leadId: plainLeadId } = await boughtLead(buyer);
    const res = await fetch(`${app.url}/purchases/csv`, { headers: { authorization: `Bearer ${buyer.token}` } });
    expect(res.status).toBe(200);
    const [header, ...rows] = parse(await res.text());
    expect(header).toEqual(expect.arrayContaining(['consent_text', 'consent_timestamp', 'consent_ip', 'consent_page_url', 'consent_certificate_id']));
    const cellOf = (id: string) => {
      const row = rows.find((r) => r[header!.indexOf('lead_id')] === id)!;
      return (name: string) => row[header!.indexOf(name)];
    };
    const cell = cellOf(leadId);
    expect([cell('consent_text'), cell('consent_timestamp'), cell('consent_ip'), cell('consent_page_url'), cell('consent_certificate_id')]).toEqual([
      CONSENT.text,
      capturedAt,
      CONSENT.ip,
      CONSENT.pageUrl,
      certificateId,
    ]);
    // a lead without a certificate leaves the cell empty
    expect(cellOf(plainLeadId)('consent_certificate_id')).toBe('');
  });

  it('carries the consent in the signed lead.purchased delivery', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { setWebhookEndpoint } = await app
      .client(buyer)
      .request<{ setWebhookEndpoint: { secret: string } }>('mutation($url: String!) { setWebhookEndpoint(url: $url) { secret } }', {
        url: receiver.url('/consent'),
      });
    const { leadId, sellerOrgId, purchase, capturedAt } = await boughtLead(buyer);
    const certificateId = await claimedCertificate(leadId, sellerOrgId);
    const [delivery] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchase.id));
    expect(await attemptDelivery(app.runtime.deps, delivery!.id, false)).toBe('DELIVERED');
    const hook = receiver.received.find((h) => h.path === '/consent')!;
    expect(signedWith(hook, setWebhookEndpoint.secret)).toBe(true);
    const body = JSON.parse(hook.body) as { type: string; lead: { id: string; consent: unknown; contact: { fullName: string } } };
    expect(body).toMatchObject({
      type: 'lead.purchased',
      lead: { id: leadId, contact: { fullName: 'Maria Lopez' }, consent: { ...CONSENT, timestamp: capturedAt, certificateId } },
    });
  });
});
