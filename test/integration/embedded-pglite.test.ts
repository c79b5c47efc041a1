// Smoke test of the embedded default: no DATABASE_URL → PGlite in a data folder, migrated and seeded at start.
import { createHttpApp } from '@leadex/api';
import { createRuntime, loadConfig, runSpotCheck, type Runtime } from '@leadex/core';
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { PLATFORM_STRIPE_BALANCE, buyerWallet } from '@leadex/core/domain/ledger/ledger-accounts';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { credit, debit, postLedgerTransaction } from '@leadex/core/domain/ledger/post-transaction';
import { money } from '@leadex/core/domain/shared/money';
import { schema } from '@leadex/db';
import { GraphQLClient } from 'graphql-request';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { validLead } from '../fixtures/leads';
import { MARKETPLACE, SIGN_UP, SUBMIT_LEADS } from '../helpers/operations';
import { REDIS_URL } from '../helpers/test-env';

let dataDir: string;
let runtime: Runtime;
let server: Server;
let url: string;
let stopApollo: () => Promise<void>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'leadex-pglite-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, REDIS_URL, LOG_LEVEL: 'silent' });
  runtime = await createRuntime(config, { logger: pino({ level: 'silent' }), queuePrefix: `t-pglite-${Date.now()}` });
  const { app, apollo } = await createHttpApp(runtime);
  stopApollo = () => apollo.stop();
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await stopApollo();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A new account of `role`, as a GraphQL client with its token. */
async function signedUp(role: string): Promise<GraphQLClient> {
  const { signUp } = await new GraphQLClient(url).request<{ signUp: { token: string } }>(SIGN_UP, {
    input: { email: `${role}-${Date.now()}-${Math.random()}@example.com`, password: 'correct horse battery staple', name: role, organizationName: role, role },
  });
  return new GraphQLClient(url, { headers: { authorization: `Bearer ${signUp.token}` } });
}

/** A paid top-up of the buyer's wallet and its ledger entry, as the Stripe webhook books them (the stand-in is not part of this smoke test). */
async function fundWallet(orgId: string, amount: number): Promise<void> {
  await runtime.deps.db
    .insert(schema.walletTopUps)
    .values({ id: `top_${orgId}`, buyerOrgId: orgId, amount, currency: 'USD', status: 'PAID', paidAt: new Date() });
  await postLedgerTransaction(runtime.deps.db, {
    eventKey: `test-top-up:${orgId}`,
    kind: 'TOP_UP',
    occurredAt: new Date(),
    postings: [debit(PLATFORM_STRIPE_BALANCE, money(amount, 'USD')), credit(buyerWallet(orgId), money(amount, 'USD'))],
  });
}

it('runs the product on embedded PGlite: sign up, list, verify, browse', async () => {
  expect(runtime.dbHandle.kind).toBe('pglite');
  const seller = await signedUp('SELLER');
  const buyer = await signedUp('BUYER');

  const { submitLeads } = await seller.request<{ submitLeads: { id: string; accepted: number } }>(SUBMIT_LEADS, {
    input: [validLead(), validLead(), validLead({ phone: 'nope', email: null })],
  });
  expect(submitLeads.accepted).toBe(2);
  // the spot-check verdict, through the same domain function the worker runs
  expect(await runSpotCheck(runtime.deps, submitLeads.id)).toMatchObject({ passed: true, listed: 2 });
  expect(await runSpotCheck(runtime.deps, submitLeads.id)).toBeNull();

  const { marketplace } = await buyer.request<{ marketplace: { totalCount: number; edges: { node: { contact: unknown; verification: string } }[] } }>(
    MARKETPLACE,
    { first: 10 },
  );
  expect(marketplace.totalCount).toBe(2);
  expect(marketplace.edges.every((e) => e.node.contact === null && e.node.verification === 'VERIFIED')).toBe(true);
});

it('allocates a listed lead to the best campaigns on embedded PGlite: ranked read, locks, the one-statement write', async () => {
  const seller = await signedUp('SELLER');
  const buyers = [];
  for (const maxBid of ['90.00', '80.00', '70.00', '60.00']) {
    const buyer = await signedUp('BUYER');
    const { me } = await buyer.request<{ me: { organization: { id: string } } }>('{ me { organization { id } } }');
    await fundWallet(me.organization.id, 50_000);
    const { createCampaign } = await buyer.request<{ createCampaign: { id: string } }>(
      'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
      { input: { name: `bid ${maxBid}`, filter: { segments: ['AUTO_TEST_DRIVE'], cities: ['Pomona'] }, maxBid, exclusivity: 'SHARED' } },
    );
    buyers.push({ campaignId: createCampaign.id, orgId: me.organization.id });
  }
  const { submitLeads } = await seller.request<{ submitLeads: { id: string; results: { lead: { id: string } }[] } }>(
    'mutation($input: [LeadInput!]!) { submitLeads(input: $input) { id results { lead { id } } } }',
    { input: [validLead({ city: 'Pomona', temperature: 'COLD', maxSales: 3 })] },
  );
  await runSpotCheck(runtime.deps, submitLeads.id, { offerToCampaigns: false });
  const result = await allocateLead(runtime.deps, submitLeads.results[0]!.lead.id);
  // three slots: the three best bids, each at the fourth bid plus one cent
  expect(result.sold.map((s) => [s.campaignId, s.price])).toEqual(buyers.slice(0, 3).map((b) => [b.campaignId, 6_001]));
  expect((await checkLedgerInvariants(runtime.deps.db)).violations).toEqual([]);
});

it('buys listed leads from the wallet on embedded PGlite: the reservation, then the sale in one statement', async () => {
  const seller = await signedUp('SELLER');
  const buyer = await signedUp('BUYER');
  const { me } = await buyer.request<{ me: { organization: { id: string } } }>('{ me { organization { id } } }');
  await fundWallet(me.organization.id, 500_000);
  const { submitLeads } = await seller.request<{ submitLeads: { id: string; results: { lead: { id: string } }[] } }>(
    'mutation($input: [LeadInput!]!) { submitLeads(input: $input) { id results { lead { id } } } }',
    { input: [validLead({ maxSales: 1 }), validLead({ maxSales: 2 })] },
  );
  await runSpotCheck(runtime.deps, submitLeads.id, { offerToCampaigns: false });
  const leadIds = submitLeads.results.map((r) => r.lead.id);
  const { createOrder } = await buyer.request<{ createOrder: { id: string; status: string } }>(
    'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id status } }',
    { input: { leadIds } },
  );
  expect(createOrder.status).toBe('RESERVED');
  const { payOrderFromWallet } = await buyer.request<{ payOrderFromWallet: { status: string; paidWith: string; leadCount: number } }>(
    'mutation($id: ID!) { payOrderFromWallet(orderId: $id) { status paidWith leadCount } }',
    { id: createOrder.id },
  );
  expect(payOrderFromWallet).toEqual({ status: 'PAID', paidWith: 'WALLET', leadCount: 2 });

  const db = runtime.deps.db;
  const sold = await db
    .select({ id: schema.leads.id, status: schema.leads.status, sales: schema.leads.salesCount, reserved: schema.leads.reservedCount })
    .from(schema.leads);
  const byId = new Map(sold.map((l) => [l.id, l]));
  expect(leadIds.map((id) => byId.get(id))).toEqual([
    { id: leadIds[0], status: 'SOLD_OUT', sales: 1, reserved: 0 },
    { id: leadIds[1], status: 'LISTED', sales: 1, reserved: 0 },
  ]);
  const bought = await db.select().from(schema.purchases);
  expect(bought.filter((p) => p.orderId === createOrder.id).map((p) => [p.leadId, p.paidWith, p.price === p.commission + p.sellerNet])).toEqual(
    expect.arrayContaining(leadIds.map((id) => [id, 'WALLET', true])),
  );
  const audited = await db.select().from(schema.auditLog);
  expect(audited.find((a) => a.action === 'order.paid' && a.targetId === createOrder.id)?.details).toMatchObject({ leads: 2, via: 'WALLET' });
  const noticed = await db.select().from(schema.notifications);
  expect(noticed.filter((n) => n.eventKey.includes(createOrder.id) || JSON.stringify(n.data).includes(createOrder.id)).length).toBeGreaterThan(0);
  expect((await checkLedgerInvariants(db)).violations).toEqual([]);
});
