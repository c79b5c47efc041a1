// Issue 15: managing a webhook endpoint end to end through GraphQL and the SSRF guard against a real node:http
// receiver: a test event, a rotated secret (shown once, audited, the old one signs nothing more), and deliveries
// that show their lead, the next retry time and what the endpoint answered.
import { attemptDelivery } from '@leadex/core/domain/exchange/attempt-delivery';
import { and, eq, schema } from '@leadex/db';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signUpAs, type TestUser } from '../helpers/actors';
import { signedWith, type ReceivedHook } from '../helpers/exchange-fixtures';
import { buyThroughStripe, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// answers each request with the status and body `answer` gives (a JSON error for a refusal, as CRMs do)
let answer: { status: number; body: string } = { status: 200, body: '{"received":true}' };
const received: ReceivedHook[] = [];
let server: Server;
let host: string;
let app: TestApp;
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await startTestApp({ label: 'deliverymgmt', stripe: true, env: { WEBHOOK_ALLOW_HOSTS: host, DELIVERY_RETRY_BASE_MS: '60000' } });
});
afterAll(async () => {
  await app.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const asActor = (u: TestUser) => ({ userId: u.userId, organizationId: u.organizationId, role: 'BUYER' as const, via: 'session' as const });
const CREATE = `mutation($url: String!) { createDeliveryEndpoint(input: { name: "CRM", kind: WEBHOOK, url: $url }) { id secret } }`;
const TEST = `mutation($id: ID!) { sendTestDelivery(endpointId: $id) { ok httpStatus error responseBody } }`;
const ROTATE = `mutation($id: ID!) { rotateDeliveryEndpointSecret(id: $id) { id secret } }`;
type TestResult = { sendTestDelivery: { ok: boolean; httpStatus: number | null; error: string | null; responseBody: string | null } };

async function buyerWithEndpoint(path: string) {
  const buyer = await signUpAs(app, 'BUYER');
  const client = app.client(buyer);
  const { createDeliveryEndpoint: endpoint } = await client.request<{ createDeliveryEndpoint: { id: string; secret: string } }>(CREATE, {
    url: `http://${host}${path}`,
  });
  return { buyer, client, endpoint };
}

describe('a webhook endpoint the buyer manages', () => {
  it('sends a signed test event through the SSRF guard and shows what the endpoint answered', async () => {
    const { client, endpoint } = await buyerWithEndpoint('/test-event');
    answer = { status: 200, body: '{"received":true}' };
    const { sendTestDelivery } = await client.request<TestResult>(TEST, { id: endpoint.id });
    expect(sendTestDelivery).toEqual({ ok: true, httpStatus: 200, error: null, responseBody: '{"received":true}' });
    const hook = received.filter((h) => h.path === '/test-event').at(-1)!;
    expect(JSON.parse(hook.body)).toMatchObject({ type: 'lead.test' });
    expect(signedWith(hook, endpoint.secret)).toBe(true);
  });

  it('rotates the secret: the new one is shown once and signs from now on, the old one signs nothing, and it is audited', async () => {
    const { buyer, client, endpoint } = await buyerWithEndpoint('/rotated');
    const { rotateDeliveryEndpointSecret: rotated } = await client.request<{ rotateDeliveryEndpointSecret: { id: string; secret: string } }>(ROTATE, {
      id: endpoint.id,
    });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const { deliveryEndpoints } = await client.request<{ deliveryEndpoints: { id: string; secret: string | null }[] }>('{ deliveryEndpoints { id secret } }');
    expect(deliveryEndpoints.find((e) => e.id === endpoint.id)!.secret).toBeNull();
    answer = { status: 200, body: '' };
    await client.request<TestResult>(TEST, { id: endpoint.id });
    const hook = received.filter((h) => h.path === '/rotated').at(-1)!;
    expect(signedWith(hook, rotated.secret)).toBe(true);
    expect(signedWith(hook, endpoint.secret)).toBe(false);
    const audit = await app.runtime.deps.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'delivery_endpoint.secret_rotated'), eq(schema.auditLog.targetId, endpoint.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetOrgId: buyer.organizationId });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('whsec_');
  });

  it('refuses another buyer’s endpoint', async () => {
    const { endpoint } = await buyerWithEndpoint('/mine');
    const other = await signUpAs(app, 'BUYER');
    await expect(app.client(other).request(ROTATE, { id: endpoint.id })).rejects.toMatchObject({
      response: { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] },
    });
  });

  it('lists each delivery with its lead, the next retry after a refusal and the bounded answer of each attempt', async () => {
    const { buyer, client } = await buyerWithEndpoint('/deliveries');
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [sharedLead(3)]);
    const { purchases } = await buyThroughStripe(app, asActor(buyer), [leadId!]);
    const [delivery] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchases[0]!.id));
    answer = { status: 503, body: JSON.stringify({ error: 'maintenance', detail: 'x'.repeat(5000) }) };
    const before = Date.now();
    await expect(attemptDelivery(app.runtime.deps, delivery!.id, false, undefined, 2)).rejects.toThrow(/retrying/);
    type Listed = {
      myDeliveries: {
        id: string;
        status: string;
        lead: { id: string };
        nextAttemptAt: string | null;
        attemptLog: { httpStatus: number; responseBody: string | null }[];
      }[];
    };
    const query = '{ myDeliveries { id status lead { id } nextAttemptAt attemptLog { httpStatus responseBody } } }';
    const [listed] = (await client.request<Listed>(query)).myDeliveries;
    expect(listed).toMatchObject({ id: delivery!.id, status: 'PENDING', lead: { id: leadId } });
    // the second attempt of the job: the queue waits base × 2 = 120 s
    const next = new Date(listed!.nextAttemptAt!).getTime();
    expect(next).toBeGreaterThanOrEqual(before + 119_000);
    expect(next).toBeLessThanOrEqual(Date.now() + 121_000);
    expect(listed!.attemptLog[0]!.httpStatus).toBe(503);
    expect(listed!.attemptLog[0]!.responseBody).toMatch(/^\{"error":"maintenance"/);
    expect(listed!.attemptLog[0]!.responseBody!.length).toBe(2048);

    answer = { status: 200, body: 'ok' };
    expect(await attemptDelivery(app.runtime.deps, delivery!.id, false)).toBe('DELIVERED');
    const [done] = (await client.request<Listed>(query)).myDeliveries;
    expect(done).toMatchObject({ status: 'DELIVERED', nextAttemptAt: null });
    expect(done!.attemptLog.map((a) => a.responseBody?.slice(0, 2))).toEqual(['{"', 'ok']);
  });
});
