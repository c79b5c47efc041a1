// Exchange mode through GraphQL: campaign input errors with paths, wallet, ping-post with an API key.
import { ClientError } from 'graphql-request';
import { signUpAs, type TestUser } from '../helpers/actors';
import { CREATE_API_KEY } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { validLead } from '../fixtures/leads';

let app: TestApp;
let buyer: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'exchangegql', stripe: true, env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1:9' } });
  buyer = await signUpAs(app, 'BUYER');
});
afterAll(() => app.close());

const CREATE =
  'mutation($input: CampaignInput!) { createCampaign(input: $input) { id name active maxBid { amount } budget { amount } spent { amount } wonToday exclusivity dailyCap timeZone schedule { days from to } } }';
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]!,
  );

it('creates, pauses and lists campaigns; bad input names its fields', async () => {
  const input = {
    name: 'Tokyo office hours',
    filter: { segments: ['FINANCE'], countries: ['US'] },
    maxBid: '45.00',
    exclusivity: 'EXCLUSIVE',
    dailyCap: 20,
    budget: '900.00',
    timeZone: 'Asia/Tokyo',
    schedule: [{ days: ['MON', 'TUE'], from: '09:00', to: '18:00' }],
  };
  const { createCampaign } = await app
    .client(buyer)
    .request<{ createCampaign: { id: string; active: boolean; wonToday: number; spent: { amount: string } } }>(CREATE, { input });
  expect(createCampaign).toMatchObject({ active: true, wonToday: 0, spent: { amount: '0.00' } });
  const paused = await app
    .client(buyer)
    .request<{ setCampaignActive: { active: boolean } }>('mutation($id: ID!) { setCampaignActive(id: $id, active: false) { active } }', {
      id: createCampaign.id,
    });
  expect(paused.setCampaignActive.active).toBe(false);
  const mine = await app.client(buyer).request<{ myCampaigns: { id: string }[] }>('{ myCampaigns { id } }');
  expect(mine.myCampaigns.map((c) => c.id)).toEqual([createCampaign.id]);

  const bad = await errorOf(
    app
      .client(buyer)
      .request(CREATE, { input: { ...input, maxBid: '0', timeZone: 'Mars/Olympus', schedule: [{ days: ['MON'], from: '18:00', to: '09:00' }] } }),
  );
  expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
  const paths = (bad.extensions!.fields as { path: string }[]).map((f) => f.path);
  expect(paths).toEqual(expect.arrayContaining(['input.schedule[0].to']));
  const bad2 = await errorOf(app.client(buyer).request(CREATE, { input: { ...input, maxBid: '0', timeZone: 'Mars/Olympus' } }));
  expect((bad2.extensions!.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['input.maxBid', 'input.timeZone']);
  const bad3 = await errorOf(app.client(buyer).request(CREATE, { input: { ...input, maxBid: '12.345', filter: { exclusivity: 'SHARED' } } }));
  expect((bad3.extensions!.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['input.filter.exclusivity', 'input.maxBid']);
  const seller = await signUpAs(app, 'SELLER');
  expect((await errorOf(app.client(seller).request(CREATE, { input }))).extensions?.code).toBe('FORBIDDEN');
});

it('shows the current webhook endpoint without its secret', async () => {
  expect((await app.client(buyer).request<{ webhookEndpoint: unknown }>('{ webhookEndpoint { id url secret } }')).webhookEndpoint).toBeNull();
  // an allow-listed local address (WEBHOOK_ALLOW_HOSTS): tests never name a public address
  const set = await app
    .client(buyer)
    .request<{ setWebhookEndpoint: { secret: string } }>('mutation { setWebhookEndpoint(url: "http://127.0.0.1:9/leadex") { id url secret } }');
  expect(set.setWebhookEndpoint.secret).toMatch(/^whsec_/);
  const read = await app.client(buyer).request<{ webhookEndpoint: { url: string; secret: null } }>('{ webhookEndpoint { id url secret } }');
  expect(read.webhookEndpoint).toMatchObject({ url: 'http://127.0.0.1:9/leadex', secret: null });
  const bad = await errorOf(app.client(buyer).request('mutation { setWebhookEndpoint(url: "ftp://nope") { id } }'));
  expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'url' }] });
});

it('tops up the wallet through a checkout and shows the balance', async () => {
  const { topUpWallet } = await app
    .client(buyer)
    .request<{ topUpWallet: { url: string; sessionId: string } }>('mutation { topUpWallet(amount: "75.00", idempotencyKey: "w-1") { url sessionId } }');
  expect(topUpWallet.url).toContain(app.stripe!.url);
  const again = await app
    .client(buyer)
    .request<{ topUpWallet: { sessionId: string } }>('mutation { topUpWallet(amount: "75.00", idempotencyKey: "w-1") { sessionId } }');
  expect(again.topUpWallet.sessionId).toBe(topUpWallet.sessionId);
  await fetch(`${app.stripe!.url}/_standin/checkout/${topUpWallet.sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  await app.stripe!.deliverPendingEvents();
  const { wallet } = await app.client(buyer).request<{ wallet: { balance: { amount: string } } }>('{ wallet { balance { amount currencyCode } } }');
  expect(wallet.balance.amount).toBe('75.00');
  expect((await errorOf(app.client(buyer).request('mutation { topUpWallet(amount: "0.10") { url } }'))).extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: [{ path: 'amount' }],
  });
});

it('answers a ping with an API key, null when nobody bids, and a post falls back to listing', async () => {
  const seller = await signUpAs(app, 'SELLER');
  const { createApiKey } = await app.client(seller).request<{ createApiKey: { key: string } }>(CREATE_API_KEY, { name: 'pingpost' });
  const api = app.client({ apiKey: createApiKey.key });
  const fields = {
    segment: 'EDUCATION',
    subsegment: 'COURSE',
    country: 'US',
    region: 'US-CA',
    city: 'Los Angeles',
    kind: 'INTERESTED',
    temperature: 'HOT',
    exclusivity: 'EXCLUSIVE',
  };
  const { ping } = await api.request<{ ping: null }>('mutation($input: PingInput!) { ping(input: $input) { id price { amount } expiresAt } }', {
    input: fields,
  });
  expect(ping).toBeNull();
  const err = await errorOf(
    api.request('mutation($lead: LeadInput!) { post(pingId: "png_nope", lead: $lead) { status } }', {
      lead: validLead({ ...fields, attributes: { subject: 'Math' } }),
    }),
  );
  expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ path: 'pingId' }] });
});
