// Finding 8: `maxPrice: "0.001"` was silently dropped and an order reserved a 10.71 lead. Every Decimal input with
// more fractional digits than the currency (USD: 2), or out of range, is now BAD_USER_INPUT naming its path.
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { eq, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, createSellerActor, listLeads, sharedLead } from '../helpers/market-fixtures';
import { MARKETPLACE } from '../helpers/operations';
import { validLead } from '../fixtures/leads';
import { startTestApp, type TestApp } from '../helpers/test-app';

const CREATE_ORDER = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }`;
const TOP_UP = `mutation($amount: Decimal!) { topUpWallet(amount: $amount) { sessionId } }`;
const CREATE_CAMPAIGN = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_GRID = `mutation($input: [PriceGridEntryInput!]!) { setPriceGrid(input: $input) { baseAmount { amount } } }`;
const SUBMIT = `mutation($input: [LeadInput!]!) { submitLeads(input: $input) { id accepted } }`;
const OPEN_DISPUTE = `mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id status } }`;
const RESOLVE = `mutation($id: ID!, $amount: Decimal) { resolveDispute(id: $id, decision: ACCEPT, refundAmount: $amount) { id status } }`;
const CPL = `query($cpc: Decimal!) { cplCalculator(clicks: 1000, costPerClick: $cpc, leads: 20) { costPerLead { amount } } }`;

type GqlError = { message: string; extensions?: { code?: string; fields?: { path: string; message: string }[] } };
const errorOf = (p: Promise<unknown>): Promise<GqlError> =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: ClientError) => e.response.errors![0]! as GqlError,
  );

/** BAD_USER_INPUT whose field errors name exactly this path. */
async function expectBadInputAt(p: Promise<unknown>, path: string, message: RegExp = /at most 2 decimal places for USD/) {
  const err = await errorOf(p);
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(err.extensions?.fields).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
}

let app: TestApp;
let buyer: TestUser;
let seller: TestUser;
let operator: TestUser;
let leadIds: string[];
beforeAll(async () => {
  app = await startTestApp({ label: 'moneyprec', stripe: true });
  [buyer, seller, operator] = [await signUpAs(app, 'BUYER'), await signUpAs(app, 'SELLER'), await createOperatorUser(app)];
  // the finding's lead: priced 10.71
  leadIds = await listLeads(app, await createSellerActor(app), [sharedLead(3, { askingPrice: '10.71' }), sharedLead(3, { askingPrice: '10.71' })]);
});
afterAll(() => app.close());

const count = async (table: typeof schema.orders | typeof schema.walletTopUps | typeof schema.campaigns, buyerOrgId: string) =>
  (await app.runtime.deps.db.select().from(table).where(eq(table.buyerOrgId, buyerOrgId))).length;

describe('prices in filters', () => {
  it('refuses a marketplace maxPrice or minPrice with three decimals instead of ignoring it', async () => {
    await expectBadInputAt(app.client(buyer).request(MARKETPLACE, { filter: { maxPrice: '0.001' } }), 'filter.maxPrice');
    await expectBadInputAt(app.client(buyer).request(MARKETPLACE, { filter: { minPrice: '10.715' } }), 'filter.minPrice');
    // a price the currency can have still filters
    const cheap = await app.client(buyer).request<{ marketplace: { totalCount: number } }>(MARKETPLACE, { filter: { maxPrice: '0.01' } });
    expect(cheap.marketplace.totalCount).toBe(0);
  });

  it('refuses createOrder with such a filter and reserves nothing (it used to reserve a 10.71 lead)', async () => {
    await expectBadInputAt(app.client(buyer).request(CREATE_ORDER, { input: { matching: { maxPrice: '0.001' }, quantity: 1 } }), 'input.matching.maxPrice');
    expect(await count(schema.orders, buyer.organizationId)).toBe(0);
    const leads = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadIds[0]!));
    expect(leads[0]!.reservedCount).toBe(0);
    const none = await errorOf(app.client(buyer).request(CREATE_ORDER, { input: { matching: { maxPrice: '0.01' }, quantity: 1 } }));
    expect(none.extensions?.code).toBe('CONFLICT');
  });
});

describe('amounts people type', () => {
  it('refuses a wallet top-up with three decimals, negative or huge, and opens no checkout', async () => {
    await expectBadInputAt(app.client(buyer).request(TOP_UP, { amount: '10.001' }), 'amount');
    await expectBadInputAt(app.client(buyer).request(TOP_UP, { amount: '-10.00' }), 'amount', /at least 1\.00 USD/);
    await expectBadInputAt(app.client(buyer).request(TOP_UP, { amount: '9999999999999' }), 'amount', /at most 1000000\.00 USD/);
    expect(await count(schema.walletTopUps, buyer.organizationId)).toBe(0);
  });

  it('refuses a campaign whose maxBid, budget or filter prices have three decimals, and stores none', async () => {
    const input = { name: 'Rome hotels', filter: { segments: ['TOURISM'] }, maxBid: '4.005', exclusivity: 'SHARED' };
    await expectBadInputAt(app.client(buyer).request(CREATE_CAMPAIGN, { input }), 'input.maxBid');
    await expectBadInputAt(app.client(buyer).request(CREATE_CAMPAIGN, { input: { ...input, maxBid: '0.00' } }), 'input.maxBid', /more than 0\.00 USD/);
    await expectBadInputAt(app.client(buyer).request(CREATE_CAMPAIGN, { input: { ...input, maxBid: '-1' } }), 'input.maxBid', /decimal amount/);
    await expectBadInputAt(app.client(buyer).request(CREATE_CAMPAIGN, { input: { ...input, maxBid: '4.00', budget: '100.001' } }), 'input.budget');
    await expectBadInputAt(
      app.client(buyer).request(CREATE_CAMPAIGN, { input: { ...input, maxBid: '4.00', filter: { maxPrice: '0.001' } } }),
      'input.filter.maxPrice',
    );
    expect(await count(schema.campaigns, buyer.organizationId)).toBe(0);
  });

  it('refuses a price grid entry with three decimals and changes no entry', async () => {
    const before = await app.runtime.deps.db.select().from(schema.priceGrid);
    const entries = [
      { segment: 'AUTO_TEST_DRIVE', geoTier: 'TIER_1', baseAmount: '12.00' },
      { segment: 'AUTO_TEST_DRIVE', geoTier: 'TIER_2', baseAmount: '12.345' },
    ];
    await expectBadInputAt(app.client(operator).request(SET_GRID, { input: entries }), 'input[1].baseAmount');
    await expectBadInputAt(
      app.client(operator).request(SET_GRID, { input: [{ ...entries[0], baseAmount: '99999999.00' }] }),
      'input[0].baseAmount',
      /at most 10000000\.00 USD/,
    );
    expect(await app.runtime.deps.db.select().from(schema.priceGrid)).toEqual(before);
  });

  it('refuses a submitted lead whose askingPrice has three decimals, and lists none of the batch', async () => {
    const leads = [validLead(), validLead(), validLead(), validLead({ askingPrice: '12.345' })];
    const err = await errorOf(app.client(seller).request(SUBMIT, { input: leads }));
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.fields?.map((f) => f.path)).toEqual(['input[3].askingPrice']);
    expect(await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.sellerOrgId, seller.organizationId))).toHaveLength(0);
  });

  it('refuses a cost per click with three decimals or below zero', async () => {
    await expectBadInputAt(app.client(buyer).request(CPL, { cpc: '0.125' }), 'costPerClick');
    await expectBadInputAt(app.client(buyer).request(CPL, { cpc: '-0.10' }), 'costPerClick', /must not be negative/);
    const ok = await app.client(buyer).request<{ cplCalculator: { costPerLead: { amount: string } } }>(CPL, { cpc: '0.12' });
    expect(ok.cplCalculator.costPerLead.amount).toBe('6.00');
  });

  it('refuses a dispute refund with three decimals and leaves the dispute open with no refund', async () => {
    const { purchases } = await buyThroughStripe(app, { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER', via: 'session' }, [
      leadIds[1]!,
    ]);
    const { openDispute } = await app.client(buyer).request<{ openDispute: { id: string } }>(OPEN_DISPUTE, {
      input: { purchaseId: purchases[0]!.id, reason: 'NOT_INTERESTED', evidence: 'They said they never asked.' },
    });
    await expectBadInputAt(app.client(operator).request(RESOLVE, { id: openDispute.id, amount: '1.005' }), 'refundAmount');
    await expectBadInputAt(app.client(operator).request(RESOLVE, { id: openDispute.id, amount: '0' }), 'refundAmount', /more than 0\.00 USD/);
    const [dispute] = await app.runtime.deps.db.select().from(schema.disputes).where(eq(schema.disputes.id, openDispute.id));
    expect(dispute).toMatchObject({ status: 'OPEN', refundAmount: null });
    expect(await app.runtime.deps.db.select().from(schema.refunds)).toHaveLength(0);
    expect(await checkLedgerInvariants(app.runtime.deps.db)).toMatchObject({ ok: true });
  });
});
