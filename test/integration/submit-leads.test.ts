import { ClientError } from 'graphql-request';
import { eq, schema } from '@leadex/db';
import { QUEUE } from '@leadex/core/queues/job-payloads';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { CREATE_API_KEY, LEAD, SUBMIT_LEADS } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Batch = {
  submitLeads: {
    id: string;
    accepted: number;
    rejected: number;
    status: string;
    results: {
      index: number;
      lead: { id: string; status: string; score: number; preview: { initials: string; phone: string; email: string } } | null;
      issues: { code: string; field: string | null; severity: string }[];
    }[];
  };
};

let app: TestApp;
let seller: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'submit' });
  seller = await signUpAs(app, 'SELLER');
});
afterAll(() => app.close());

const submit = (user: { token?: string; apiKey?: string }, input: unknown[]) => app.client(user).request<Batch>(SUBMIT_LEADS, { input });

describe('submitting leads', () => {
  it('accepts a good lead as PENDING_VERIFICATION with a masked preview and queues its spot-check', async () => {
    const lead = validLead({ fullName: 'Maria Lopez', phone: '+14155552671', email: 'maria.lopez@example.org' });
    const { submitLeads } = await submit(seller, [lead]);
    expect(submitLeads).toMatchObject({ accepted: 1, rejected: 0, status: 'PENDING_VERIFICATION' });
    const result = submitLeads.results[0]!;
    expect(result.lead).toMatchObject({ status: 'PENDING_VERIFICATION', preview: { initials: 'M. L.' } });
    expect(result.lead!.preview.phone).not.toContain('555267');
    expect(result.lead!.preview.email).toBe('m•••@e•••.org');

    // the contact is encrypted at rest: the row holds neither the phone nor the e-mail in clear
    const [row] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, result.lead!.id));
    expect(JSON.stringify(row)).not.toContain('4155552671');
    expect(JSON.stringify(row)).not.toContain('maria.lopez@');

    const { Queue } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const connection = new Redis(app.runtime.deps.config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE.spotCheck, { connection, prefix: app.prefix });
    const job = await queue.getJob(`${QUEUE.spotCheck}-${submitLeads.id}`);
    expect(job?.data).toEqual({ batchId: submitLeads.id });
    await queue.close();
    connection.disconnect();
  });

  it('rejects bad leads one by one with machine-readable reasons, and keeps the good ones', async () => {
    const { submitLeads } = await submit(seller, [
      validLead(),
      validLead({ phone: '+1 415 555', email: null }),
      validLead({ email: 'not-an-email', phone: null }),
      validLead({ phone: null, email: null }),
      validLead({ segment: 'ASTROLOGY' }),
      validLead({ attributes: { brand: 'Toyota' } }),
      validLead({ capturedAt: new Date(Date.now() + 86_400_000).toISOString() }),
      validLead({ region: 'DE-BE' }),
    ]);
    expect(submitLeads.accepted).toBe(1);
    expect(submitLeads.rejected).toBe(7);
    const codes = submitLeads.results.map((r) => r.issues.filter((i) => i.severity === 'ERROR').map((i) => i.code));
    expect(codes[0]).toEqual([]);
    expect(codes[1]).toContain('PHONE_INVALID');
    expect(codes[2]).toContain('EMAIL_INVALID');
    expect(codes[3]).toContain('CONTACT_MISSING');
    expect(codes[4]).toContain('SEGMENT_UNKNOWN');
    expect(codes[5]).toContain('ATTRIBUTE_REQUIRED');
    expect(submitLeads.results[5]!.issues.find((i) => i.code === 'ATTRIBUTE_REQUIRED')!.field).toBe('attributes.model');
    expect(codes[6]).toContain('CAPTURED_IN_FUTURE');
    expect(codes[7]).toContain('REGION_INVALID');
    expect(submitLeads.results.slice(1).every((r) => r.lead === null)).toBe(true);
    // the findings are stored with the batch
    const findings = await app.runtime.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.batchId, submitLeads.id));
    expect(findings.filter((f) => f.severity === 'ERROR').length).toBeGreaterThanOrEqual(7);
  });

  it('flags a duplicate contact across sellers in the same segment, and lowers its score', async () => {
    const other = await signUpAs(app, 'SELLER', 'other');
    const phone = '+14155550199';
    const first = await submit(seller, [validLead({ phone, email: 'dup.person@example.org' })]);
    const second = await submit(other, [validLead({ phone, email: 'Dup.Person@Example.org' })]);
    const firstScore = first.submitLeads.results[0]!.lead!.score;
    const dup = second.submitLeads.results[0]!;
    expect(dup.lead).not.toBeNull(); // a duplicate is a warning, not a rejection
    expect(dup.issues.map((i) => i.code).sort()).toEqual(['DUPLICATE_EMAIL', 'DUPLICATE_PHONE']);
    expect(dup.lead!.score).toBeLessThan(firstScore);
    // another segment is a different market: no duplicate there
    const tour = await submit(other, [validLead({ phone, segment: 'TOURISM', subsegment: 'HOTEL', attributes: { destination: 'Lisbon' } })]);
    expect(tour.submitLeads.results[0]!.issues.map((i) => i.code)).not.toContain('DUPLICATE_PHONE');
  });

  it('warns about disposable e-mail, fast form fills and IP bursts', async () => {
    const burst = Array.from({ length: 5 }, () => validLead({ ip: '198.51.100.9' }));
    const { submitLeads } = await submit(seller, [validLead({ email: 'someone@mailinator.com', formFillSeconds: 1 }), ...burst]);
    expect(submitLeads.results[0]!.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['DISPOSABLE_EMAIL', 'FAST_FORM_FILL']));
    expect(submitLeads.results[1]!.issues.map((i) => i.code)).toContain('IP_BURST');
  });

  it('takes leads through an API key', async () => {
    const { createApiKey } = await app.client(seller).request<{ createApiKey: { key: string } }>(CREATE_API_KEY, { name: 'landing pages' });
    const { submitLeads } = await submit({ apiKey: createApiKey.key }, [validLead()]);
    expect(submitLeads.accepted).toBe(1);
    const [batch] = await app.runtime.deps.db.select().from(schema.leadBatches).where(eq(schema.leadBatches.id, submitLeads.id));
    expect(batch!.source).toBe('API_KEY');
  });

  it('refuses buyers, and refuses the same externalId twice for a seller', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await expect(submit(buyer, [validLead()])).rejects.toMatchObject({ response: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    await submit(seller, [validLead({ externalId: 'crm-42' })]);
    const again = await submit(seller, [validLead({ externalId: 'crm-42' }), validLead({ externalId: 'crm-43' }), validLead({ externalId: 'crm-43' })]);
    expect(again.submitLeads.results.map((r) => r.issues.filter((i) => i.severity === 'ERROR').map((i) => i.code))).toEqual([
      ['EXTERNAL_ID_TAKEN'],
      [],
      ['EXTERNAL_ID_DUPLICATE'],
    ]);
  });
});

describe('who reads the contact', () => {
  it('shows the contact to the owning seller (audited) and to nobody else', async () => {
    const { submitLeads } = await submit(seller, [validLead({ fullName: 'Olga Petrova', phone: '+14155550123' })]);
    const id = submitLeads.results[0]!.lead!.id;
    const own = await app.client(seller).request<{ lead: { contact: { fullName: string; phone: string } } }>(LEAD, { id });
    expect(own.lead.contact).toMatchObject({ fullName: 'Olga Petrova', phone: '+14155550123' });
    const reads = await app.runtime.deps.db.select().from(schema.contactReads).where(eq(schema.contactReads.leadId, id));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ purpose: 'OWNER', userId: seller.userId });

    // a pending lead is invisible to others; once visible its contact is still null for them
    const other = await signUpAs(app, 'SELLER', 'rival');
    const buyer = await signUpAs(app, 'BUYER');
    expect((await app.client(other).request<{ lead: unknown }>(LEAD, { id })).lead).toBeNull();
    expect((await app.client(buyer).request<{ lead: unknown }>(LEAD, { id })).lead).toBeNull();
  });

  it('erases a contact on request and leaves a tombstone', async () => {
    const { submitLeads } = await submit(seller, [validLead({ fullName: 'Erase Me' })]);
    const id = submitLeads.results[0]!.lead!.id;
    const res = await app
      .client(seller)
      .request<{ eraseLeadContact: { status: string; erased: boolean; preview: { initials: string; phone: string | null }; contact: null } }>(
        'mutation($id: ID!) { eraseLeadContact(id: $id) { status erased preview { initials phone } contact { fullName } } }',
        { id },
      );
    expect(res.eraseLeadContact).toMatchObject({ status: 'WITHDRAWN', erased: true, preview: { initials: '[erased]', phone: null }, contact: null });
    const [row] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, id));
    expect(row).toMatchObject({ contactSealed: null, phoneHash: null, emailHash: null });
    const again = await app
      .client(seller)
      .request('mutation($id: ID!) { eraseLeadContact(id: $id) { id } }', { id })
      .catch((e: ClientError) => e.response.errors![0]);
    expect(again).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('lets only the owner withdraw a lead', async () => {
    const { submitLeads } = await submit(seller, [validLead()]);
    const id = submitLeads.results[0]!.lead!.id;
    const rival = await signUpAs(app, 'SELLER', 'rival2');
    const denied = await app
      .client(rival)
      .request('mutation($id: ID!) { withdrawLead(id: $id) { id } }', { id })
      .catch((e: ClientError) => e.response.errors![0]);
    expect(denied).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const ok = await app.client(seller).request<{ withdrawLead: { status: string } }>('mutation($id: ID!) { withdrawLead(id: $id) { status } }', { id });
    expect(ok.withdrawLead.status).toBe('WITHDRAWN');
    const twice = await app
      .client(seller)
      .request('mutation($id: ID!) { withdrawLead(id: $id) { id } }', { id })
      .catch((e: ClientError) => e.response.errors![0]);
    expect(twice).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});

describe("a seller's own listings", () => {
  it("lists the seller's leads only, filtered by status, newest first", async () => {
    const mine = await signUpAs(app, 'SELLER', 'lister');
    const { submitLeads } = await submit(mine, [validLead(), validLead(), validLead()]);
    const [a] = submitLeads.results.map((r) => r.lead!.id);
    await app.client(mine).request('mutation($id: ID!) { withdrawLead(id: $id) { id } }', { id: a });
    const q = 'query($filter: LeadFilter) { myListings(filter: $filter, first: 10) { totalCount edges { node { id status } } } }';
    type R = { myListings: { totalCount: number; edges: { node: { id: string; status: string } }[] } };
    const all = await app.client(mine).request<R>(q, {});
    expect(all.myListings.totalCount).toBe(3);
    const withdrawn = await app.client(mine).request<R>(q, { filter: { statuses: ['WITHDRAWN'] } });
    expect(withdrawn.myListings.edges.map((e) => e.node.id)).toEqual([a]);
    const pending = await app.client(mine).request<R>(q, { filter: { statuses: ['PENDING_VERIFICATION'] } });
    expect(pending.myListings.totalCount).toBe(2);
    const buyer = await signUpAs(app, 'BUYER');
    await expect(app.client(buyer).request(q, {})).rejects.toMatchObject({ response: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
  });

  it('publishes the segments with subsegments, attribute schemas and commission', async () => {
    const res = await app
      .client(seller)
      .request<{ segments: { code: string; subsegments: { code: string }[]; attributeSchema: { fields: { name: string }[] }; commissionRate: string }[] }>(
        '{ segments { code name subsegments { code name } attributeSchema commissionRate returnWindowHours ttlDays } }',
      );
    expect(res.segments.map((s) => s.code).sort()).toEqual(['AUTO_TEST_DRIVE', 'EDUCATION', 'FINANCE', 'INSURANCE', 'SERVICES', 'TOURISM']);
    const insurance = res.segments.find((s) => s.code === 'INSURANCE')!;
    expect(insurance.subsegments.map((s) => s.code)).toEqual(expect.arrayContaining(['CASCO', 'OSAGO', 'LIFE', 'HEALTH', 'PROPERTY', 'TRAVEL']));
    expect(insurance.attributeSchema.fields.map((f) => f.name)).toContain('vehicleYear');
    expect(insurance.commissionRate).toBe('0.2');
  });
});
