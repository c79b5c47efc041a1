// Finding 3, SSRF through setWebhookEndpoint: internal addresses are refused when the URL is saved (however they
// are spelled) and again when a socket connects (DNS rebinding); the buyer only ever reads fixed phrases about a
// delivery. Nothing here sends a packet beyond 127.0.0.1: public names are played by an injected resolver.
import { eq, schema } from '@leadex/db';
import type { LookupAddress } from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientError } from 'graphql-request';
import { setWebhookEndpoint } from '@leadex/core/domain/exchange/deliveries.service';
import { attemptDelivery } from '@leadex/core/domain/exchange/attempt-delivery';
import { safeFetch } from '@leadex/core/domain/shared/outbound/safe-fetch';
import { guardedLookup, type Resolver } from '@leadex/core/domain/shared/outbound/ssrf-guard';
import { addressRange, isPublicAddress } from '@leadex/core/domain/shared/outbound/ssrf.rules';
import { deliveryJob } from '@leadex/workers/src/jobs/delivery.job';
import { signUpAs, type TestUser } from '../helpers/actors';
import { signedWith, startWebhookReceiver } from '../helpers/exchange-fixtures';
import { buyThroughStripe, createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let buyer: TestUser;
// a port with nothing listening, allow-listed too, for the "connection failed" phrase
let deadHost: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  const dead = await startWebhookReceiver();
  deadHost = dead.host;
  await dead.close();
  app = await startTestApp({ label: 'ssrf', stripe: true, env: { WEBHOOK_ALLOW_HOSTS: `${receiver.host},${deadHost}` } });
  buyer = await signUpAs(app, 'BUYER');
});
afterAll(async () => {
  await app.close();
  await receiver.close();
});

const SET = 'mutation($url: String!) { setWebhookEndpoint(url: $url) { id url secret } }';
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );
const buyerActor = () => ({ userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER' as const, via: 'session' as const });
const answers = (...rounds: string[][]): Resolver & { calls: string[] } => {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const round = rounds[Math.min(calls.length, rounds.length) - 1]!;
    return round.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
};

describe('address rules', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.31.255.1', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.1.1', 'carrierGradeNat'],
    ['fc00::1', 'uniqueLocal'],
    ['239.1.2.3', 'multicast'],
    ['ff05::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
  ])('refuses %s as %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it('allows public unicast addresses', () => {
    for (const address of ['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111']) expect(isPublicAddress(address)).toBe(true);
  });
});

describe('setWebhookEndpoint', () => {
  it.each([
    'http://127.0.0.1:6379',
    'http://169.254.169.254/latest',
    'http://10.0.0.1',
    'http://[::1]',
    'http://[::ffff:127.0.0.1]',
    'http://2130706433',
    'http://0x7f.1',
    'http://017700000001/',
    'http://localhost',
    'http://127.0.0.1/graphql',
    'https://user:pass@93.184.215.14/hook',
    'https://93.184.215.14:8443/hook',
    'ftp://93.184.215.14/hook',
  ])('refuses a webhook URL that reaches inside the network or breaks the rules: %s', async (url) => {
    const err = await errorOf(app.client(buyer).request(SET, { url }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_URL_FORBIDDEN', fields: [{ path: 'url' }] });
    const rows = await app.runtime.deps.db.select().from(schema.webhookEndpoints).where(eq(schema.webhookEndpoints.buyerOrgId, buyer.organizationId));
    expect(rows.filter((r) => r.active)).toEqual([]);
  });

  it('refuses a host name that resolves to a private address, even when only one of its addresses is private', async () => {
    for (const resolve of [answers(['10.1.2.3']), answers(['93.184.215.14', '127.0.0.1']), answers(['::1'])]) {
      await expect(setWebhookEndpoint(app.runtime.deps, buyerActor(), 'https://hooks.buyer.test/leadex', resolve)).rejects.toMatchObject({
        code: 'WEBHOOK_URL_FORBIDDEN',
        fields: [{ path: 'url' }],
      });
      expect(resolve.calls).toEqual(['hooks.buyer.test']);
    }
  });

  it('refuses plain http in production', async () => {
    const production = { ...app.runtime.deps, config: { ...app.runtime.deps.config, NODE_ENV: 'production' as const } };
    await expect(setWebhookEndpoint(production, buyerActor(), 'http://93.184.215.14/leadex')).rejects.toMatchObject({ code: 'WEBHOOK_URL_FORBIDDEN' });
  });
});

describe('connect-time check', () => {
  it('refuses a name that resolved to a public address when saved and to loopback when connecting (DNS rebinding)', async () => {
    // first answer: the pre-flight check (as at set time); second: the socket's lookup. Never a public address
    // on the second round, so a broken guard fails this test without reaching beyond 127.0.0.1.
    const resolve = answers(['93.184.215.14'], ['127.0.0.1']);
    const policy = { production: false, allowHosts: new Set<string>() };
    await expect(safeFetch('http://rebind.buyer.test/leadex', { method: 'POST', body: '{}' }, { policy, resolve, timeoutMs: 2000 })).rejects.toMatchObject({
      kind: 'ADDRESS_NOT_ALLOWED',
      message: 'address not allowed',
    });
    // the pre-flight check passed; the socket's own lookup was the one that refused
    expect(resolve.calls).toEqual(['rebind.buyer.test', 'rebind.buyer.test']);
  });

  it('gives the socket only addresses it approved, in both lookup shapes', async () => {
    const lookup = guardedLookup(answers(['93.184.215.14']), false);
    const one = await new Promise((r) => lookup('x.test', {}, (err, address, family) => r({ err, address, family })));
    expect(one).toEqual({ err: null, address: '93.184.215.14', family: 4 });
    const all = await new Promise((r) => lookup('x.test', { all: true }, (err, address) => r({ err, address })));
    expect(all).toEqual({ err: null, address: [{ address: '93.184.215.14', family: 4 }] });
    const refused = await new Promise<Error | null>((r) => guardedLookup(answers(['169.254.169.254']), false)('x.test', { all: true }, (err) => r(err)));
    expect(refused?.message).toMatch(/private, loopback or reserved/);
  });

  it('records a delivery whose name rebinds to loopback as "address not allowed" and does not retry it', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city: 'Rebind City' })]);
    const buyerB = await signUpAs(app, 'BUYER', 'rebinder');
    const actor = { userId: buyerB.userId, organizationId: buyerB.organizationId, role: 'BUYER' as const, via: 'session' as const };
    // saved while the name pointed to a public address
    await setWebhookEndpoint(app.runtime.deps, actor, 'https://rebind.buyer.test/leadex', answers(['93.184.215.14']));
    const { purchases } = await buyThroughStripe(app, actor, [leadId!]);
    const [delivery] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchases[0]!.id));
    expect(await attemptDelivery(app.runtime.deps, delivery!.id, false, answers(['93.184.215.14'], ['127.0.0.1']))).toBe('FAILED');
    const { myDeliveries } = await app
      .client(buyerB)
      .request<{ myDeliveries: { status: string; lastError: string; attemptLog: { error: string; httpStatus: number | null }[] }[] }>(
        '{ myDeliveries { status lastError attemptLog { error httpStatus } } }',
      );
    expect(myDeliveries).toEqual([{ status: 'FAILED', lastError: 'address not allowed', attemptLog: [{ error: 'address not allowed', httpStatus: null }] }]);
  });
});

describe('bounded requests', () => {
  it('never follows a redirect, reads little of a long answer, and gives up at the deadline', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/moved') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      else if (req.url === '/long') res.end('x'.repeat(1_000_000));
      else setTimeout(() => res.end('late'), 1500).unref();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const policy = { production: false, allowHosts: new Set([host]) };
    try {
      const moved = await safeFetch(`http://${host}/moved`, { method: 'POST', body: '{}' }, { policy });
      expect(moved.status).toBe(302);
      const long = await safeFetch(`http://${host}/long`, { method: 'GET' }, { policy, maxResponseBytes: 1024 });
      expect(long).toMatchObject({ status: 200, truncated: true });
      expect(long.body.length).toBe(1024);
      await expect(safeFetch(`http://${host}/slow`, { method: 'GET' }, { policy, timeoutMs: 300 })).rejects.toMatchObject({
        kind: 'TIMED_OUT',
        message: 'timed out',
      });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('deliveries to an allow-listed local receiver', () => {
  it('delivers to a host:port in WEBHOOK_ALLOW_HOSTS, signed with the secret shown once', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city: 'Allowville' })]);
    const buyerC = await signUpAs(app, 'BUYER', 'allowed');
    const { setWebhookEndpoint: endpoint } = await app
      .client(buyerC)
      .request<{ setWebhookEndpoint: { secret: string; url: string } }>(SET, { url: receiver.url('/allowed') });
    expect(endpoint.url).toBe(receiver.url('/allowed'));
    const actor = { userId: buyerC.userId, organizationId: buyerC.organizationId, role: 'BUYER' as const, via: 'session' as const };
    const { purchases } = await buyThroughStripe(app, actor, [leadId!]);
    const [delivery] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchases[0]!.id));
    expect(await deliveryJob.run(app.runtime.deps, { deliveryId: delivery!.id })).toEqual({ outcome: 'DELIVERED' });
    const hooks = receiver.received.filter((h) => h.path === '/allowed');
    expect(hooks).toHaveLength(1);
    expect(signedWith(hooks[0]!, endpoint.secret)).toBe(true);
    expect(JSON.parse(hooks[0]!.body)).toMatchObject({ id: delivery!.id, purchase: { id: purchases[0]!.id } });
  });

  it('tells the buyer "connection failed", never the HTTP client\'s error text', async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city: 'Deadport' })]);
    const buyerD = await signUpAs(app, 'BUYER', 'deadport');
    await app.client(buyerD).request(SET, { url: `http://${deadHost}/hook` });
    const actor = { userId: buyerD.userId, organizationId: buyerD.organizationId, role: 'BUYER' as const, via: 'session' as const };
    const { purchases } = await buyThroughStripe(app, actor, [leadId!]);
    const [delivery] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchases[0]!.id));
    await expect(attemptDelivery(app.runtime.deps, delivery!.id, false)).rejects.toThrow(/retrying/);
    const { myDeliveries } = await app
      .client(buyerD)
      .request<{ myDeliveries: { status: string; lastError: string; attemptLog: { error: string }[] }[] }>(
        '{ myDeliveries { status lastError attemptLog { error } } }',
      );
    expect(myDeliveries).toEqual([{ status: 'PENDING', lastError: 'connection failed', attemptLog: [{ error: 'connection failed' }] }]);
  });
});
