// Finding 12: ten wrong passwords locked any account for everyone, and the limiter failed open without Redis.
// Now: failures per e-mail+IP pair block that pair only, one IP is blocked after many failures a day, an account
// attacked from many IPs is closed to new IPs only, and an in-memory insurance limiter stands in for Redis.
import { createSignInGuard } from '@leadex/core/domain/auth/sign-in-guard';
import { SIGN_IN_LIMITS } from '@leadex/core/domain/auth/sign-in-limits.rules';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { signUpAs, type TestUser } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'sign-in-lockout' });
});
afterAll(() => app.close());

const PASSWORD = 'correct horse battery staple';
// app.ts trusts loopback proxies, so from 127.0.0.1 X-Forwarded-For names the client's address
let ipCounter = 0;
const freshIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

interface Attempt {
  ok: boolean;
  code?: string;
  reason?: string;
  message?: string;
  retryAfter: string | null;
}
async function signIn(email: string, password: string, ip: string): Promise<Attempt> {
  const res = await fetch(app.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as {
    data?: { signIn: { token: string } } | null;
    errors?: { message: string; extensions: { code: string; reason?: string } }[];
  };
  const err = body.errors?.[0];
  return {
    ok: !!body.data?.signIn?.token,
    code: err?.extensions.code,
    reason: err?.extensions.reason,
    message: err?.message,
    retryAfter: res.headers.get('retry-after'),
  };
}

async function failTimes(n: number, email: string, ip: string | (() => string)): Promise<Attempt[]> {
  const out: Attempt[] = [];
  for (let i = 0; i < n; i++) out.push(await signIn(email, `wrong guess ${i}`, typeof ip === 'string' ? ip : ip()));
  return out;
}

describe('one IP guessing one account', () => {
  let victim: TestUser;
  beforeAll(async () => {
    victim = await signUpAs(app, 'BUYER', 'victim');
  });

  it("blocks the attacker's IP for that account after ten failures, while the owner signs in from another IP", async () => {
    const attacker = freshIp();
    const tries = await failTimes(SIGN_IN_LIMITS.consecutiveFailsPerPair, victim.email, attacker);
    expect(tries.every((t) => t.reason === 'BAD_CREDENTIALS')).toBe(true);
    const eleventh = await signIn(victim.email, 'wrong guess 11', attacker);
    expect(eleventh).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(Number(eleventh.retryAfter)).toBeGreaterThanOrEqual(1);
    // blocked means blocked: even the right password from that IP waits
    expect(await signIn(victim.email, PASSWORD, attacker)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect((await signIn(victim.email, PASSWORD, freshIp())).ok).toBe(true);
  });

  it("clears a pair's failures when its sign-in succeeds", async () => {
    const ip = freshIp();
    await failTimes(SIGN_IN_LIMITS.consecutiveFailsPerPair - 1, victim.email, ip);
    expect((await signIn(victim.email, PASSWORD, ip)).ok).toBe(true);
    const after = await failTimes(SIGN_IN_LIMITS.consecutiveFailsPerPair - 1, victim.email, ip);
    expect(after.every((t) => t.reason === 'BAD_CREDENTIALS')).toBe(true);
    expect((await signIn(victim.email, PASSWORD, ip)).ok).toBe(true);
  });

  it('never counts successful sign-ins', async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMITS.consecutiveFailsPerPair + 5; i++) expect((await signIn(victim.email, PASSWORD, ip)).ok).toBe(true);
  });
});

describe('many IPs against one account', () => {
  it('closes the account to new IPs after fifty failures a day, but not to an IP its owner signed in from', async () => {
    const victim = await signUpAs(app, 'SELLER', 'target');
    const ownersIp = freshIp();
    expect((await signIn(victim.email, PASSWORD, ownersIp)).ok).toBe(true);
    // a botnet: each IP stays far below the pair limit
    const tries = await failTimes(SIGN_IN_LIMITS.failsPerEmailPerDay, victim.email, freshIp);
    expect(tries.every((t) => t.reason === 'BAD_CREDENTIALS')).toBe(true);
    const next = await signIn(victim.email, PASSWORD, freshIp());
    expect(next).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(Number(next.retryAfter)).toBeGreaterThan(0);
    expect((await signIn(victim.email, PASSWORD, ownersIp)).ok).toBe(true);
  });

  it('counts guesses at unknown e-mails the same way, so the limit does not reveal which accounts exist', async () => {
    const nobody = `nobody-${randomBytes(4).toString('hex')}@example.com`;
    const tries = await failTimes(SIGN_IN_LIMITS.consecutiveFailsPerPair + 1, nobody, '192.0.2.77');
    expect(tries.slice(0, -1).every((t) => t.reason === 'BAD_CREDENTIALS')).toBe(true);
    expect(tries.at(-1)!.code).toBe('RATE_LIMITED');
  });
});

describe('one IP against many accounts', () => {
  it('blocks the IP after a hundred failures a day, whichever accounts it tried', async () => {
    // the app's own guard on the app's Redis, driven directly: a hundred argon2 verifications would only add time
    const guard = createSignInGuard(app.runtime.redis, `${app.prefix}-spray`);
    const ip = '203.0.113.99';
    for (let i = 0; i <= SIGN_IN_LIMITS.failsPerIpPerDay; i++) {
      const email = `sprayed-${i}@example.com`;
      await guard.check(ip, email);
      await guard.failed(ip, email);
    }
    const refused = await guard.check(ip, 'someone-else@example.com').then(
      () => null,
      (err: unknown) => err,
    );
    expect((refused as DomainError).code).toBe('RATE_LIMITED');
    expect((refused as DomainError).retryAfter).toBeGreaterThan(23 * 3600);
    await expect(guard.check('203.0.113.100', 'someone-else@example.com')).resolves.toBeUndefined();
  });
});

describe('with Redis unreachable', () => {
  it('still limits through the in-memory insurance limiter', async () => {
    // a port that was just free: nothing listens there
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const redis = new Redis({ host: '127.0.0.1', port, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => {});
    await redis.connect().catch(() => {});
    try {
      const guard = createSignInGuard(redis, `t-insurance-${randomBytes(3).toString('hex')}`);
      for (let i = 0; i < SIGN_IN_LIMITS.consecutiveFailsPerPair; i++) {
        await guard.check('203.0.113.5', 'owner@example.com');
        await guard.failed('203.0.113.5', 'owner@example.com');
      }
      const refused = await guard.check('203.0.113.5', 'owner@example.com').then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('RATE_LIMITED');
      // and the owner's other IP is still let through
      await expect(guard.check('203.0.113.6', 'owner@example.com')).resolves.toBeUndefined();
      expect(redis.status).not.toBe('ready');
    } finally {
      redis.disconnect();
    }
  });
});
