// Finding 6: failed queries are logged with their driver code and SQL text, never their parameters
// (phones, e-mails, password hashes), and stored findings name the field, not the contact.
import { createErrorFormatter, createHttpApp } from '@leadex/api';
import { createLogger, createRuntime, loadConfig, runSpotCheck, type Runtime } from '@leadex/core';
import { eq, schema } from '@leadex/db';
import { GraphQLClient } from 'graphql-request';
import { GraphQLError } from 'graphql';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import postgres from 'postgres';
import { validLead } from '../fixtures/leads';
import { SIGN_UP, SUBMIT_LEADS } from '../helpers/operations';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { REDIS_URL } from '../helpers/test-env';
import { waitFor } from '../helpers/wait';

const PASSWORD = 'correct horse battery staple';
const lines: string[] = [];
const logText = () => lines.join('');
const logEntries = () =>
  lines
    .flatMap((l) => l.split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let database: TestDatabase;
let runtime: Runtime;
let server: Server;
let closeApp: () => Promise<void>;
let graphqlUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('logredact');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL,
    LOG_LEVEL: 'info',
    STRIPE_WEBHOOK_SECRET: 'whsec_test_standin',
    STRIPE_SECRET_KEY: 'sk_test_leadex',
  });
  // the logger exactly as production builds it, writing into this test
  const logger = createLogger(
    config,
    'log-redaction',
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  runtime = await createRuntime(config, { logger, queuePrefix: `t-logredact-${randomBytes(4).toString('hex')}`, migrate: false });
  const http = await createHttpApp(runtime);
  server = await new Promise((resolve) => {
    const s = http.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  graphqlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  closeApp = async () => {
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections?.();
    await http.apollo.stop();
    await http.close();
  };
});
afterAll(async () => {
  await closeApp();
  await runtime.close();
  await database.drop();
});

const client = (token?: string) => new GraphQLClient(graphqlUrl, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function signUp(email: string, name: string) {
  return client().request<{ signUp: { token: string; user: { id: string; organization: { id: string } } } }>(SIGN_UP, {
    input: { email, password: PASSWORD, name, organizationName: 'Log Test Ltd', role: 'SELLER' },
  });
}

describe('logs of failed queries', () => {
  it('keep the code and SQL of a unique violation on users.email, and none of its parameters', async () => {
    const email = `maria.${randomBytes(3).toString('hex')}@example.org`;
    const phone = '+4915112345670';
    const { signUp: first } = await signUp(email, 'Maria Lopez');
    const [user] = await runtime.deps.db.select().from(schema.users).where(eq(schema.users.id, first.user.id));
    const hash = user!.passwordHash;
    expect(hash).toMatch(/^\$argon2/);

    // the same insert the sign-up makes, with the real hash, a phone in the name and the taken e-mail
    const failed = await runtime.deps.db
      .insert(schema.users)
      .values({
        id: `usr_${randomBytes(6).toString('hex')}`,
        email,
        name: `Call ${phone}`,
        passwordHash: hash,
        role: 'SELLER',
        organizationId: first.user.organization.id,
      })
      .then(
        () => null,
        (err: Error) => err,
      );
    expect(failed).toBeInstanceOf(Error);
    expect(String(failed)).toContain(email); // drizzle's own message carries every parameter
    // logged through both of the app's error paths: the GraphQL formatter and the express handler
    createErrorFormatter(runtime.deps.logger)(
      { message: 'x', path: ['signUp'], extensions: {} },
      new GraphQLError('x', { originalError: failed!, path: ['signUp'] }),
    );
    runtime.deps.logger.error({ err: failed, requestId: 'req-1' }, 'unhandled error');

    const logged = logEntries().filter((e) => e.msg === 'unexpected error in a GraphQL request' || e.msg === 'unhandled error');
    expect(logged).toHaveLength(2);
    for (const entry of logged) {
      expect(entry.err).toMatchObject({
        code: '23505',
        sql: expect.stringContaining('insert into "users"'),
        cause: { constraint: 'users_email_uq', table: 'users' },
      });
    }
    const text = logText();
    for (const secret of [email, hash, hash.split('$').pop()!, phone, phone.slice(1)]) expect(text).not.toContain(secret);
  });

  it('keep a NUL-byte failure (22021) without the contact data bound next to it', async () => {
    const email = `olga.${randomBytes(3).toString('hex')}@example.org`;
    const phone = '+14155550177';
    const failed = await runtime.deps.db
      .insert(schema.organizations)
      .values({ id: `org_${randomBytes(6).toString('hex')}`, name: `Olga\u0000 ${email} ${phone}`, kind: 'SELLER' })
      .catch((err: unknown) => err as Error);
    runtime.deps.logger.error({ err: failed }, 'unhandled error');
    const entry = logEntries()
      .filter((e) => e.msg === 'unhandled error')
      .pop()!;
    expect(entry.err).toMatchObject({ code: '22021', sql: expect.stringContaining('insert into "organizations"') });
    expect(logText()).not.toContain(email);
    expect(logText()).not.toContain(phone);
  });

  it('keep a sign-up that loses the race for its e-mail free of the address and the hash', async () => {
    const email = `race.${randomBytes(3).toString('hex')}@example.org`;
    const raw = postgres(database.url, { max: 2, onnotice: () => {} });
    try {
      const organizationId = `org_${randomBytes(6).toString('hex')}`;
      await raw`insert into organizations (id, name, kind) values (${organizationId}, 'Rival', 'SELLER')`;
      // hold the e-mail in an open transaction: the sign-up's check does not see it, its insert waits on the index
      let release!: () => void;
      let held!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const holding = new Promise<void>((resolve) => (held = resolve));
      const reserved = raw.begin(async (tx) => {
        await tx`insert into users (id, email, name, password_hash, role, organization_id) values (${`usr_${randomBytes(6).toString('hex')}`}, ${email}, 'Rival', 'x', 'SELLER', ${organizationId})`;
        held();
        await released;
      });
      await holding;
      const answer = signUp(email, 'Race Loser').then(
        () => null,
        (err: { response?: { errors?: { extensions?: { code?: string } }[] } }) => err.response?.errors?.[0]?.extensions?.code ?? 'UNKNOWN',
      );
      await waitFor(
        async () => {
          const [row] = await raw`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
          return Number(row!.n) > 0;
        },
        'the sign-up to wait on the e-mail index',
        15_000,
      );
      release();
      await reserved;
      const code = await answer;
      expect(code).not.toBeNull(); // the address was taken
      if (code === 'INTERNAL_SERVER_ERROR') {
        // the race reached the unique index: the formatter logged the failed insert, with its code and SQL only
        const entry = logEntries()
          .filter((e) => e.msg === 'unexpected error in a GraphQL request')
          .pop()!;
        expect(entry.err).toMatchObject({ code: '23505', sql: expect.stringContaining('insert into "users"') });
      }
      const [loser] = await runtime.deps.db.select().from(schema.users).where(eq(schema.users.name, 'Race Loser'));
      expect(loser).toBeUndefined();
      expect(logText()).not.toContain(email);
      expect(logText()).not.toMatch(/\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8}/);
    } finally {
      await raw.end();
    }
  });
});

describe('stored findings', () => {
  it('name the field of a bad phone or e-mail, never its value', async () => {
    const { signUp: seller } = await signUp(`seller.${randomBytes(3).toString('hex')}@example.org`, 'Seller One');
    const { submitLeads } = await client(seller.token).request<{ submitLeads: { id: string; rejected: number } }>(SUBMIT_LEADS, {
      input: [validLead({ phone: '+1 415 555 01', email: null }), validLead({ email: 'ivan..petrov@@example.org', phone: null })],
    });
    expect(submitLeads.rejected).toBe(2);
    const findings = await runtime.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.batchId, submitLeads.id));
    const phoneFinding = findings.find((f) => f.code === 'PHONE_INVALID')!;
    expect(phoneFinding).toMatchObject({ field: 'phone', message: expect.stringMatching(/^phone is not a valid number for US/) });
    expect(phoneFinding.message).not.toMatch(/415|555/);
    expect(findings.find((f) => f.code === 'EMAIL_INVALID')).toMatchObject({ field: 'email', message: 'email is not a valid e-mail address.' });
    expect(JSON.stringify(findings)).not.toContain('ivan..petrov');
  });

  it('from a spot-check hold no raw phone, e-mail or name', async () => {
    const { signUp: seller } = await signUp(`seller.${randomBytes(3).toString('hex')}@example.org`, 'Seller Two');
    const leads = [
      validLead({ fullName: 'Test Person', email: 'test@example.org' }),
      validLead({ email: 'pat.jones@mailinator.com' }),
      validLead({ email: 'noreply@example.org', formFillSeconds: 1 }),
      ...Array.from({ length: 5 }, () => validLead({ email: 'xxx@example.org', userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' })),
    ];
    const { submitLeads } = await client(seller.token).request<{ submitLeads: { id: string; accepted: number } }>(SUBMIT_LEADS, { input: leads });
    expect(submitLeads.accepted).toBe(leads.length);
    const outcome = await runSpotCheck(runtime.deps, submitLeads.id, { offerToCampaigns: false });
    expect(outcome).not.toBeNull();
    const findings = await runtime.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.batchId, submitLeads.id));
    const spotCheck = findings.filter((f) => f.stage !== 'SUBMISSION');
    expect(spotCheck.length).toBeGreaterThan(0);
    expect(spotCheck.some((f) => f.severity === 'ERROR' || f.code !== 'SAMPLE_PASSED')).toBe(true);
    const stored = JSON.stringify(findings.map((f) => f.message));
    for (const lead of leads) {
      expect(stored).not.toContain(String(lead.email));
      expect(stored).not.toContain(String(lead.phone).slice(2));
      expect(stored).not.toContain(String(lead.fullName));
    }
  });
});
