// Coming back from Stripe lands on the origin the app was opened at (when allow-listed), so the session
// cookie of that origin is still there: Checkout success/cancel for orders and top-ups, Connect return/refresh.
import { GraphQLClient } from 'graphql-request';
import Stripe from 'stripe';
import { signUpAs, type TestUser } from '../helpers/actors';
import { exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let sdk: Stripe;
let seller: TestUser;
let twin: string;
beforeAll(async () => {
  app = await startTestApp({ label: 'return-origin', stripe: true });
  const url = new URL(app.stripe!.url);
  sdk = new Stripe('sk_test_leadex', { host: url.hostname, port: url.port, protocol: 'http' });
  seller = await signUpAs(app, 'SELLER');
  // the app runs at http://127.0.0.1:<port> (its WEB_ORIGIN); its twin is http://localhost:<port>
  twin = app.url.replace('127.0.0.1', 'localhost');
});
afterAll(() => app.close());

const sellerActor = () => ({ userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const });

function clientAt(user: TestUser, origin?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${user.token}` };
  if (origin) headers.origin = origin;
  return new GraphQLClient(app.graphqlUrl, { headers });
}

async function checkoutFrom(origin: string | undefined) {
  const [leadId] = await listLeads(app, sellerActor(), [exclusiveLead()]);
  const buyer = await signUpAs(app, 'BUYER');
  const { createOrder } = await clientAt(buyer).request<{ createOrder: { id: string } }>(
    'mutation($ids: [ID!]) { createOrder(input: { leadIds: $ids }) { id } }',
    {
      ids: [leadId],
    },
  );
  const { checkoutOrder } = await clientAt(buyer, origin).request<{ checkoutOrder: { sessionId: string } }>(
    'mutation($id: ID!) { checkoutOrder(orderId: $id) { sessionId } }',
    { id: createOrder.id },
  );
  return { buyer, orderId: createOrder.id, session: await sdk.checkout.sessions.retrieve(checkoutOrder.sessionId) };
}

describe('return URLs from Stripe', () => {
  it('sends a buyer who opened the app at localhost back to localhost, with the session still valid there', async () => {
    const { buyer, orderId, session } = await checkoutFrom(twin);
    expect(session.success_url).toBe(`${twin}/orders/${orderId}?paid=1&session={CHECKOUT_SESSION_ID}`);
    expect(session.cancel_url).toBe(`${twin}/orders/${orderId}?cancelled=1`);
    // paying on the hosted page redirects there
    const res = await fetch(`${app.stripe!.url}/_standin/checkout/${session.id}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card: '4242424242424242' }),
    });
    expect(res.ok).toBe(true);
    await app.stripe!.deliverPendingEvents();
    // the same person, now on the twin origin, is still signed in
    const me = await new GraphQLClient(`${twin}/graphql`, { headers: { authorization: `Bearer ${buyer.token}` } }).request<{ me: { email: string } }>(
      '{ me { email } }',
    );
    expect(me.me.email).toBe(buyer.email);
  });

  it('sends a buyer who opened the app at WEB_ORIGIN back to WEB_ORIGIN', async () => {
    const { orderId, session } = await checkoutFrom(app.url);
    expect(session.success_url).toBe(`${app.url}/orders/${orderId}?paid=1&session={CHECKOUT_SESSION_ID}`);
  });

  it('never uses an origin outside the list, nor a missing one', async () => {
    const evil = await checkoutFrom('https://evil.example');
    expect(evil.session.success_url!.startsWith(`${app.url}/`)).toBe(true);
    const none = await checkoutFrom(undefined);
    expect(none.session.cancel_url!.startsWith(`${app.url}/`)).toBe(true);
  });

  it('returns a wallet top-up to the origin it came from', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { topUpWallet } = await clientAt(buyer, twin).request<{ topUpWallet: { sessionId: string } }>(
      'mutation { topUpWallet(amount: "100.00") { sessionId } }',
    );
    const session = await sdk.checkout.sessions.retrieve(topUpWallet.sessionId);
    expect(session.success_url).toBe(`${twin}/wallet?topped_up=1&session={CHECKOUT_SESSION_ID}`);
    expect(session.cancel_url).toBe(`${twin}/wallet?cancelled=1`);
  });

  it('returns a seller from Connect onboarding to the origin they started at; a foreign origin goes to WEB_ORIGIN', async () => {
    const other = await signUpAs(app, 'SELLER', 'payee');
    const connect = 'mutation { connectPayoutAccount { url } }';
    const { connectPayoutAccount } = await clientAt(other, twin).request<{ connectPayoutAccount: { url: string } }>(connect);
    const done = await fetch(connectPayoutAccount.url, { method: 'POST', redirect: 'manual' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${twin}/seller/payouts?onboarded=1`);
    // the used link sends the person to refresh_url, on the same origin
    const again = await fetch(connectPayoutAccount.url, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe(`${twin}/seller/payouts?refresh=1`);

    const foreign = await clientAt(other, 'https://evil.example').request<{ connectPayoutAccount: { url: string } }>(connect);
    const res = await fetch(foreign.connectPayoutAccount.url, { method: 'POST', redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`${app.url}/seller/payouts?onboarded=1`);
  });
});
