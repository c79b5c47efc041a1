// Finding 4: rejected leads must not read out which phones and e-mails other sellers hold, and lead
// submission is limited per organisation (leads a minute), on Redis with an in-memory insurance limiter.
import { createLeadSubmissionLimit } from '@leadex/core/domain/leads/submission-rate-limit';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { eq, schema, sql } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { Redis } from 'ioredis';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { uniquePhone, validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { createSellerActor, listLeads } from '../helpers/market-fixtures';
import { SUBMIT_LEADS } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Batch = {
  submitLeads: {
    id: string;
    accepted: number;
    rejected: number;
    results: { index: number; lead: { id: string } | null; issues: { code: string; field: string | null; message: string }[] }[];
  };
};

const submit = (app: TestApp, user: TestUser, input: unknown[]) => app.client(user).request<Batch>(SUBMIT_LEADS, { input });
const codesOf = (batch: Batch) => batch.submitLeads.results.map((r) => r.issues.map((i) => i.code));
const future = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

// each fails exactly one hard check, and carries the probed contact
const failing = [
  (c: object) => validLead({ ...c, region: 'DE-BE' }),
  (c: object) => validLead({ ...c, segment: 'ASTROLOGY' }),
  (c: object) => validLead({ ...c, capturedAt: future() }),
  (c: object) => validLead({ ...c, attributes: { brand: 'Toyota' } }),
  (c: object) => validLead({ ...c, consent: { text: 'I agree to be contacted.', timestamp: future() } }),
];

async function rowCounts(app: TestApp) {
  const db = app.runtime.deps.db;
  const count = async (table: typeof schema.leads | typeof schema.leadBatches | typeof schema.verificationResults) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);
  return { leads: await count(schema.leads), batches: await count(schema.leadBatches), findings: await count(schema.verificationResults) };
}

describe('the duplicate oracle', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ label: 'duporacle' });
  });
  afterAll(() => app.close());

  it("tells a seller nothing about other sellers' contacts through leads that fail a hard check", async () => {
    const phone = uniquePhone();
    const email = `probe.target.${Date.now()}@example.org`;
    await listLeads(app, await createSellerActor(app), [validLead({ phone, email })]);

    const prober = await signUpAs(app, 'SELLER', 'prober');
    const probes = Array.from({ length: 50 }, (_, i) => failing[i % failing.length]!({ phone, email }));
    const batch = await submit(app, prober, probes);
    expect(batch.submitLeads).toMatchObject({ accepted: 0, rejected: 50 });
    // every probe was rejected for its own reason, and none learned the contact exists (nor that the 50 share it)
    for (const codes of codesOf(batch)) {
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.filter((c) => c.startsWith('DUPLICATE_'))).toEqual([]);
    }
    const stored = await app.runtime.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.batchId, batch.submitLeads.id));
    expect(stored.length).toBeGreaterThanOrEqual(50);
    expect(stored.filter((f) => f.code.startsWith('DUPLICATE_'))).toEqual([]);

    // the same contact in a lead that passes is a duplicate, as before: the signal is for leads that are stored
    const honest = await submit(app, prober, [validLead({ phone, email })]);
    expect(honest.submitLeads.accepted).toBe(1);
    expect(codesOf(honest)[0]).toEqual(expect.arrayContaining(['DUPLICATE_PHONE', 'DUPLICATE_EMAIL']));
  });

  it('counts duplicates within a batch among passing leads only', async () => {
    const seller = await signUpAs(app, 'SELLER', 'batcher');
    const phone = uniquePhone();
    const email = `in.batch.${Date.now()}@example.org`;
    const batch = await submit(app, seller, [
      failing[0]!({ phone, email }),
      validLead({ phone, email }),
      failing[2]!({ phone, email }),
      validLead({ phone, email }),
    ]);
    const codes = codesOf(batch);
    expect(batch.submitLeads.accepted).toBe(2);
    expect(codes[1]!.filter((c) => c.startsWith('DUPLICATE_'))).toEqual([]); // the rejected lead before it does not count
    expect(codes[2]!.filter((c) => c.startsWith('DUPLICATE_'))).toEqual([]);
    expect(codes[3]).toEqual(expect.arrayContaining(['DUPLICATE_PHONE', 'DUPLICATE_EMAIL']));
  });
});

describe('the per-organisation lead limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ label: 'leadlimit', env: { LEAD_SUBMISSIONS_PER_MINUTE: '5' } });
  });
  afterAll(() => app.close());

  it('refuses submissions past the limit with RATE_LIMITED and retryAfter, on every channel, writing nothing', async () => {
    const seller = await signUpAs(app, 'SELLER', 'busy');
    expect((await submit(app, seller, [validLead(), validLead(), validLead()])).submitLeads.accepted).toBe(3);
    // rejected leads count too: probing is what the limit is for
    expect((await submit(app, seller, [failing[0]!({}), failing[1]!({})])).submitLeads.rejected).toBe(2);
    const before = await rowCounts(app);

    const over = await submit(app, seller, [validLead()]).catch((e: ClientError) => e);
    expect(over).toBeInstanceOf(ClientError);
    const error = (over as ClientError).response.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });

    const csv = await fetch(`${app.url}/leads/csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${seller.token}` },
      body: 'segment,country,full_name,phone,kind,source_channel,captured_at,consent_text,consent_timestamp,exclusivity\nAUTO_TEST_DRIVE,US,Ana Silva,+14155550111,INTERESTED,SEO,2026-01-01T00:00:00Z,yes,2026-01-01T00:00:00Z,SHARED',
    });
    expect(csv.status).toBe(429);
    expect(((await csv.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');

    // the domain error carries the seconds to wait, for extensions.retryAfter
    const actor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const };
    const refused = await submitLeads(app.runtime.deps, actor, [validLead()], { source: 'GRAPHQL', shapeErrors: 'refuse-request' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('RATE_LIMITED');
    expect((refused as DomainError).retryAfter).toBeGreaterThanOrEqual(1);
    expect((refused as DomainError).retryAfter).toBeLessThanOrEqual(60);
    expect(await rowCounts(app)).toEqual(before);

    // the limit is per organisation: another seller is not slowed down
    const other = await signUpAs(app, 'SELLER', 'calm');
    expect((await submit(app, other, [validLead()])).submitLeads.accepted).toBe(1);
  });

  it("refuses a batch larger than the whole limit without spending the minute's budget", async () => {
    const seller = await signUpAs(app, 'SELLER', 'bulk');
    const actor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const };
    const refused = await submitLeads(
      app.runtime.deps,
      actor,
      Array.from({ length: 6 }, () => validLead()),
      { source: 'GRAPHQL', shapeErrors: 'refuse-request' },
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 60 });
    expect(
      (
        await submit(
          app,
          seller,
          Array.from({ length: 5 }, () => validLead()),
        )
      ).submitLeads.accepted,
    ).toBe(5);
  });

  it('keeps limiting in memory, and says so in the log, when Redis cannot be reached', async () => {
    // a real closed port on this machine: bind one, note it, release it
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });
    const unreachable = new Redis({ host: '127.0.0.1', port, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const connectionErrors: string[] = [];
    unreachable.on('error', (err: NodeJS.ErrnoException) => connectionErrors.push(String(err.code)));
    await new Promise((resolve) => unreachable.once('end', resolve));
    expect(connectionErrors).toContain('ECONNREFUSED');

    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const deps = { ...app.runtime.deps, leadSubmissions: createLeadSubmissionLimit(unreachable, { perMinute: 3, prefix: `${app.prefix}-down`, logger }) };
    const seller = await createSellerActor(app);
    const options = { source: 'GRAPHQL' as const, shapeErrors: 'refuse-request' as const };
    try {
      // neither a crash nor a silent open door: within the limit it works, past it it refuses
      expect((await submitLeads(deps, seller, [validLead(), validLead()], options)).accepted).toBe(2);
      const before = await rowCounts(app);
      await expect(submitLeads(deps, seller, [validLead(), validLead()], options)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      expect(await rowCounts(app)).toEqual(before);
      expect(lines.join('')).toContain('Redis unavailable, counting in process memory');
    } finally {
      unreachable.disconnect();
    }
  });
});
