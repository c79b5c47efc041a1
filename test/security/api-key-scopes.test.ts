// Finding 10: API keys were meant for lead submission but read every contact of the organization.
// Keys now carry scopes (leads:write by default, leads:read opt-in), may expire, and record their last use.
import { sql } from '@leadex/db';
import type { Actor } from '@leadex/core/domain/auth/access';
import { ClientError } from 'graphql-request';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let seller: TestUser;
let otherSeller: TestUser;
let ownLeadId: string;
let otherLeadId: string;

const sellerActor = (u: TestUser): Actor => ({ userId: u.userId, organizationId: u.organizationId, role: 'SELLER', via: 'session' });

beforeAll(async () => {
  app = await startTestApp({ label: 'api-key-scopes' });
  seller = await signUpAs(app, 'SELLER');
  otherSeller = await signUpAs(app, 'SELLER', 'other');
  ownLeadId = (await listLeads(app, sellerActor(seller), [validLead()]))[0]!;
  otherLeadId = (await listLeads(app, sellerActor(otherSeller), [validLead()]))[0]!;
});
afterAll(() => app.close());

interface KeyPayload {
  key: string;
  apiKey: { id: string; scopes: string[]; expiresAt: string | null; lastUsedAt: string | null };
}
const CREATE_KEY = `mutation($name: String!, $scopes: [ApiKeyScope!], $expiresAt: DateTime) {
  createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) { key apiKey { id scopes expiresAt lastUsedAt } }
}`;
const createKey = async (vars: { scopes?: string[]; expiresAt?: string } = {}) =>
  (await app.client(seller).request<{ createApiKey: KeyPayload }>(CREATE_KEY, { name: 'integration', ...vars })).createApiKey;

type GqlError = { message: string; path?: string[]; extensions?: Record<string, unknown> };
/** The first error of a request that must fail, and whatever data came back beside it. */
async function refusal(p: Promise<unknown>): Promise<GqlError & { data: unknown }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ClientError) return { ...err.response.errors![0]!, data: err.response.data } as GqlError & { data: unknown };
    throw err;
  }
  throw new Error('expected the request to be refused');
}

const PING = 'mutation($input: PingInput!) { ping(input: $input) { id } }';
const pingFields = {
  segment: 'EDUCATION',
  subsegment: 'COURSE',
  country: 'US',
  region: 'US-CA',
  city: 'Los Angeles',
  kind: 'INTERESTED',
  temperature: 'HOT',
  exclusivity: 'EXCLUSIVE',
};

describe('a default API key (leads:write)', () => {
  it('is made with the leads:write scope only and no expiry', async () => {
    const { apiKey } = await createKey();
    expect(apiKey).toMatchObject({ scopes: ['LEADS_WRITE'], expiresAt: null, lastUsedAt: null });
  });

  it('submits leads, pings and posts', async () => {
    const api = app.client({ apiKey: (await createKey()).key });
    const { submitLeads } = await api.request<{ submitLeads: { accepted: number } }>(
      'mutation($input: [LeadInput!]!) { submitLeads(input: $input) { accepted } }',
      { input: [validLead()] },
    );
    expect(submitLeads.accepted).toBe(1);
    expect(await api.request(PING, { input: pingFields })).toEqual({ ping: null });
    // an unknown ping is NOT_FOUND: the key got past the scope check
    const post = await refusal(
      api.request('mutation($lead: LeadInput!) { post(pingId: "png_nope", lead: $lead) { status } }', {
        lead: validLead({ ...pingFields, attributes: { subject: 'Math' } }),
      }),
    );
    expect(post.extensions?.code).toBe('NOT_FOUND');
  });

  it("cannot read the organization's listings, leads, contacts or sales", async () => {
    const api = app.client({ apiKey: (await createKey()).key });
    for (const query of ['{ myListings { totalCount } }', `{ lead(id: "${ownLeadId}") { id } }`, '{ mySales { totalCount } }']) {
      expect((await refusal(api.request(query))).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_SCOPE_REQUIRED' });
    }
    // the submission answer does not leak the contact either
    const submitted = await refusal(
      api.request('mutation($input: [LeadInput!]!) { submitLeads(input: $input) { results { lead { id contact { fullName phone } } } } }', {
        input: [validLead()],
      }),
    );
    expect(submitted.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_SCOPE_REQUIRED' });
    expect(JSON.stringify(submitted.data)).not.toContain('Maria');
  });

  it('is refused everything that is not lead submission: orders, purchases, marketplace, disputes, payouts, keys', async () => {
    const api = app.client({ apiKey: (await createKey({ scopes: ['LEADS_WRITE', 'LEADS_READ'] })).key });
    const queries = [
      '{ myOrders { totalCount } }',
      '{ order(id: "ord_x") { id } }',
      '{ myPurchases { totalCount } }',
      '{ marketplace { totalCount } }',
      '{ disputes { totalCount } }',
      '{ myPayouts { id } }',
      '{ payoutAccount { connected } }',
      '{ myApiKeys { id } }',
      '{ wallet { balance { amount } } }',
      // public fields too, however the document reaches them
      '{ segments { code } }',
      '{ ... on Query { volumeTiers { minQuantity } } }',
      'query { ...F } fragment F on Query { me { id } }',
      'mutation { signOut }',
      'mutation { createApiKey(name: "escalate", scopes: [LEADS_READ]) { key } }',
      `mutation { withdrawLead(id: "${ownLeadId}") { id } }`,
      'mutation { connectPayoutAccount { url } }',
    ];
    for (const query of queries) {
      const err = await refusal(api.request(query));
      expect([query, err.extensions?.code]).toEqual([query, 'FORBIDDEN']);
    }
    const csv = await fetch(`${app.url}/purchases/csv`, { headers: { authorization: `ApiKey ${(await createKey()).key}` } });
    expect(csv.status).toBe(403);
  });
});

describe('a leads:read API key', () => {
  it("reads its own organization's listings and contacts", async () => {
    const api = app.client({ apiKey: (await createKey({ scopes: ['LEADS_WRITE', 'LEADS_READ'] })).key });
    const { myListings } = await api.request<{ myListings: { edges: { node: { id: string } }[] } }>('{ myListings { edges { node { id } } } }');
    expect(myListings.edges.map((e) => e.node.id)).toContain(ownLeadId);
    const { lead } = await api.request<{ lead: { contact: { fullName: string } } }>(`{ lead(id: "${ownLeadId}") { id contact { fullName } } }`);
    expect(lead.contact.fullName).toBe('Maria Lopez');
    expect(await api.request('{ mySales { totalCount } }')).toEqual({ mySales: { totalCount: 0 } });
  });

  it("sees nothing of another organization's leads, even listed ones", async () => {
    const api = app.client({ apiKey: (await createKey({ scopes: ['LEADS_READ'] })).key });
    expect(await api.request(`{ lead(id: "${otherLeadId}") { id contact { fullName } } }`)).toEqual({ lead: null });
    const { myListings } = await api.request<{ myListings: { edges: { node: { id: string } }[] } }>('{ myListings { edges { node { id } } } }');
    expect(myListings.edges.map((e) => e.node.id)).not.toContain(otherLeadId);
  });

  it('without leads:write cannot submit', async () => {
    const api = app.client({ apiKey: (await createKey({ scopes: ['LEADS_READ'] })).key });
    const err = await refusal(api.request('mutation($input: [LeadInput!]!) { submitLeads(input: $input) { accepted } }', { input: [validLead()] }));
    expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_SCOPE_REQUIRED' });
  });
});

describe('expiry and last use', () => {
  it('refuses a key after its expiry with API_KEY_EXPIRED', async () => {
    const { key, apiKey } = await createKey({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const api = app.client({ apiKey: key });
    expect(await api.request(PING, { input: pingFields })).toEqual({ ping: null });
    await app.runtime.deps.db.execute(sql`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = ${apiKey.id}`);
    expect((await refusal(api.request(PING, { input: pingFields }))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'API_KEY_EXPIRED' });
    const rest = await fetch(`${app.url}/leads/csv`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/csv', authorization: `ApiKey ${key}` } });
    expect(rest.status).toBe(401);
    expect(((await rest.json()) as { error: { reason: string } }).error.reason).toBe('API_KEY_EXPIRED');
  });

  it('refuses an expiry in the past when the key is made', async () => {
    const err = await refusal(createKey({ expiresAt: new Date(Date.now() - 60_000).toISOString() }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'expiresAt' }] });
  });

  it('records the last use, writing it at most once a minute', async () => {
    const { key, apiKey } = await createKey();
    const api = app.client({ apiKey: key });
    await api.request(PING, { input: pingFields });
    const lastUsed = async () => {
      const { myApiKeys } = await app
        .client(seller)
        .request<{ myApiKeys: { id: string; lastUsedAt: string | null }[] }>('{ myApiKeys { id scopes expiresAt lastUsedAt } }');
      return myApiKeys.find((k) => k.id === apiKey.id)!.lastUsedAt;
    };
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect(Date.now() - Date.parse(first!)).toBeLessThan(60_000);
    await api.request(PING, { input: pingFields });
    expect(await lastUsed()).toBe(first);
    // a minute later the next call records itself again
    await app.runtime.deps.db.execute(sql`UPDATE api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = ${apiKey.id}`);
    await api.request(PING, { input: pingFields });
    const again = Date.parse((await lastUsed())!);
    expect(again).toBeGreaterThanOrEqual(Date.parse(first!));
    expect(Date.now() - again).toBeLessThan(60_000);
  });

  it('gives keys stored before scopes existed leads:write only', async () => {
    const id = `key_legacy${Date.now()}`;
    await app.runtime.deps.db.execute(
      sql`INSERT INTO api_keys (id, organization_id, created_by, name, prefix, key_hash) VALUES (${id}, ${seller.organizationId}, ${seller.userId}, 'legacy', 'lxk_legacy', ${`hash-${id}`})`,
    );
    const { myApiKeys } = await app.client(seller).request<{ myApiKeys: { id: string; scopes: string[] }[] }>('{ myApiKeys { id scopes } }');
    expect(myApiKeys.find((k) => k.id === id)!.scopes).toEqual(['LEADS_WRITE']);
  });
});
