// Ping-post (offers, expiry, mismatches) and signed delivery to buyers' endpoints with retries.
import { ping, post } from '@leadex/core/domain/exchange/ping-post';
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { setWebhookEndpoint, listDeliveries } from '@leadex/core/domain/exchange/deliveries.service';
import { eq, schema } from '@leadex/db';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validLead } from '../fixtures/leads';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';

// the buyer's receiver, started before the app so its port can be allow-listed (WEBHOOK_ALLOW_HOSTS)
const received: { id: string; verified: boolean }[] = [];
let failuresLeft = 2;
let secret = '';
const server: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      res.writeHead(500).end('try again');
      return;
    }
    // the receiver's side of the documented check: HMAC-SHA256 over "<t>.<body>" with the endpoint secret
    const body = Buffer.concat(chunks).toString('utf8');
    const header = String(req.headers['leadex-signature'] ?? '');
    const t = /t=(\d+)/.exec(header)?.[1] ?? '';
    const v1 = /v1=([0-9a-f]+)/.exec(header)?.[1] ?? '';
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    const verified = v1.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected)) && Math.abs(Date.now() / 1000 - Number(t)) < 300;
    received.push({ id: (JSON.parse(body) as { id: string }).id, verified });
    res.writeHead(verified ? 200 : 400).end();
  });
});

let app: TestApp;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const receiverHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await startTestApp({
    label: 'pingpost',
    stripe: true,
    workers: true,
    env: { DELIVERY_RETRY_BASE_MS: '100', PING_OFFER_SECONDS: '30', WEBHOOK_ALLOW_HOSTS: receiverHost },
  });
});
afterAll(async () => {
  await app.close();
  await new Promise((r) => server.close(r));
});

const pinged = (city: string) => ({
  segment: 'AUTO_TEST_DRIVE',
  country: 'US',
  region: 'US-CA',
  city,
  kind: 'INTERESTED',
  temperature: 'HOT',
  exclusivity: 'EXCLUSIVE',
});

describe('ping-post', () => {
  it('offers the best campaign price for anonymised fields, then sells the posted lead at that price', async () => {
    const seller = await createSellerActor(app);
    const buyers = await createBuyerActors(app, 2);
    for (const b of buyers) await fundWallet(app, b, '500.00');
    const city = 'Irvine';
    const winner = await campaign(buyers[0]!, app, { maxBid: '300.00', filter: { cities: [city] } });
    await campaign(buyers[1]!, app, { maxBid: '180.00', filter: { cities: [city] } });
    const offer = await ping(app.runtime.deps, seller, pinged(city));
    expect(offer).toMatchObject({ campaignId: winner.id, price: 18_001 });
    // no campaign wants Fresno: no offer
    expect(await ping(app.runtime.deps, seller, pinged('Fresno'))).toBeNull();

    const result = await post(app.runtime.deps, seller, offer!.id, validLead({ ...pinged(city), fullName: 'Pat Post' }));
    expect(result).toMatchObject({ status: 'SOLD', price: { amount: 18_001 }, lead: { status: 'SOLD_OUT' } });
    const [purchase] = await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.leadId, result.lead!.id));
    expect(purchase).toMatchObject({ buyerOrgId: buyers[0]!.organizationId, price: 18_001, paidWith: 'WALLET', campaignId: winner.id });
    await expect(post(app.runtime.deps, seller, offer!.id, validLead(pinged(city)))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('rejects a post that changes pinged fields, and lists the lead when the offer expired', async () => {
    const seller = await createSellerActor(app);
    const [buyer] = await createBuyerActors(app, 1);
    await fundWallet(app, buyer!, '500.00');
    const city = 'Anaheim';
    await campaign(buyer!, app, { maxBid: '300.00', filter: { cities: [city] } });
    const first = await ping(app.runtime.deps, seller, pinged(city));
    const mismatch = await post(app.runtime.deps, seller, first!.id, validLead({ ...pinged(city), temperature: 'COLD' }));
    expect(mismatch).toMatchObject({ status: 'REJECTED', issues: [{ code: 'PING_MISMATCH', field: 'temperature' }] });

    const offer = await ping(app.runtime.deps, seller, pinged(city));
    const late = { ...app.runtime.deps, clock: () => new Date(Date.now() + 60_000) };
    const result = await post(late, seller, offer!.id, validLead(pinged(city)));
    expect(result.status).toBe('LISTED');
    expect(result.issues.map((i) => i.code)).toContain('PING_EXPIRED');
  });
});

describe('delivery webhooks', () => {
  it('delivers a sale exactly once to an endpoint that fails twice, signed, with every attempt logged', async () => {
    const seller = await createSellerActor(app);
    const [buyer] = await createBuyerActors(app, 1);
    await fundWallet(app, buyer!, '500.00');
    const endpoint = await setWebhookEndpoint(app.runtime.deps, buyer!, `http://127.0.0.1:${(server.address() as AddressInfo).port}/leadex`);
    secret = endpoint.secret;
    const city = 'Oxnard';
    await campaign(buyer!, app, { maxBid: '300.00', filter: { cities: [city] } });
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ city, fullName: 'Dee Livery' })]);
    // the allocation worker may already have sold it; either way one sale
    await allocateLead(app.runtime.deps, leadId!);
    await waitFor(async () => (await listDeliveries(app.runtime.deps, buyer!)).find((d) => d.status === 'DELIVERED'), 'the delivery', 20_000);
    const [delivery] = await listDeliveries(app.runtime.deps, buyer!);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 3 });
    expect(delivery!.attemptLog.map((a) => a.httpStatus)).toEqual([500, 500, 200]);
    // the buyer reads fixed phrases, never the HTTP client's own error text
    expect(delivery!.attemptLog.map((a) => a.error)).toEqual(['refused by the endpoint: HTTP 500', 'refused by the endpoint: HTTP 500', null]);
    expect(received).toEqual([{ id: delivery!.id, verified: true }]);
  });
});
