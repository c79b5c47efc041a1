// Exchange distribution methods and the platform margin (issue 14): each method with real campaigns and funded
// wallets, the operator's segment policy through GraphQL, the margin on the purchase, in the ledger entry and
// through settlement — with the ledger's invariants checked after each.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { walletBalance } from '@leadex/core/domain/exchange/wallet.service';
import { PLATFORM_REVENUE, sellerPayable } from '@leadex/core/domain/ledger/ledger-accounts';
import { owedBy } from '@leadex/core/domain/ledger/ledger-balances';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';
import { eq, inArray, schema } from '@leadex/db';
import { signUpAs, createOperatorUser, type TestUser } from '../helpers/actors';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { errorOf } from '../helpers/graphql-errors';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let operator: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'distribution', stripe: true });
  operator = await createOperatorUser(app);
});
afterAll(() => app.close());

const SEGMENT = 'AUTO_TEST_DRIVE';
const POLICY = `mutation($segment: String!, $method: DistributionMethod, $margin: SegmentMarginInput) {
  setSegmentPolicy(segment: $segment, distributionMethod: $method, margin: $margin) {
    code distributionMethod margin { kind amount { amount currencyCode } rate }
  }
}`;
type PolicyAnswer = {
  setSegmentPolicy: { code: string; distributionMethod: string; margin: { kind: string; amount: { amount: string } | null; rate: string | null } };
};
const setPolicy = (vars: { method?: string; margin?: Record<string, unknown> }) =>
  app.client(operator).request<PolicyAnswer>(POLICY, { segment: SEGMENT, ...vars });

const db = () => app.runtime.deps.db;
const invariantsHold = async () => expect((await checkLedgerInvariants(db())).violations).toEqual([]);
const purchaseRows = (ids: string[]) => db().select().from(schema.purchases).where(inArray(schema.purchases.id, ids));
const commissionBps = async () => (await db().select().from(schema.segments).where(eq(schema.segments.code, SEGMENT)))[0]!.commissionBps;

/** n buyers with funded wallets, each with one campaign filtered to `city` (so other tests' leads stay out). */
async function buyersWithCampaigns(city: string, inputs: Record<string, unknown>[], wallet = '5000.00') {
  const buyers = await createBuyerActors(app, inputs.length);
  for (const b of buyers) await fundWallet(app, b, wallet);
  const made = [];
  for (const [i, input] of inputs.entries()) made.push(await campaign(buyers[i]!, app, { filter: { cities: [city] }, ...input }));
  return { buyers, campaigns: made };
}

describe('the operator sets the method and the margin per segment', () => {
  afterAll(() => setPolicy({ method: 'AUCTION', margin: { kind: 'NONE' } }));

  it('stores and shows them', async () => {
    expect((await setPolicy({ method: 'WEIGHTED', margin: { kind: 'PERCENT', rate: '0.125' } })).setSegmentPolicy).toEqual({
      code: SEGMENT,
      distributionMethod: 'WEIGHTED',
      margin: { kind: 'PERCENT', amount: null, rate: '0.125' },
    });
    expect((await setPolicy({ margin: { kind: 'FIXED', amount: '2.50' } })).setSegmentPolicy).toMatchObject({
      distributionMethod: 'WEIGHTED', // left as it was
      margin: { kind: 'FIXED', amount: { amount: '2.50' }, rate: null },
    });
    const listed = await app
      .client()
      .request<{ segments: { code: string; distributionMethod: string; margin: { kind: string } }[] }>(
        '{ segments { code distributionMethod margin { kind } } }',
      );
    expect(listed.segments.find((s) => s.code === SEGMENT)).toEqual({ code: SEGMENT, distributionMethod: 'WEIGHTED', margin: { kind: 'FIXED' } });
    expect(listed.segments.find((s) => s.code !== SEGMENT)).toMatchObject({ distributionMethod: 'AUCTION', margin: { kind: 'NONE' } });
  });

  it('refuses a rate over 100%, a fixed margin without an amount or with too many digits, and a value of the other kind', async () => {
    const refused = async (margin: Record<string, unknown>, path: string) =>
      expect((await errorOf(setPolicy({ margin }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path })] });
    await refused({ kind: 'PERCENT', rate: '1.5' }, 'margin.rate');
    await refused({ kind: 'PERCENT', rate: '0.12345' }, 'margin.rate');
    await refused({ kind: 'PERCENT' }, 'margin.rate');
    await refused({ kind: 'FIXED' }, 'margin.amount');
    await refused({ kind: 'FIXED', amount: '2.505' }, 'margin.amount');
    await refused({ kind: 'FIXED', amount: '-1.00' }, 'margin.amount');
    await refused({ kind: 'NONE', rate: '0.1' }, 'margin.rate');
    expect((await errorOf(setPolicy({ method: 'LOTTERY' }))).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets a buyer set a campaign priority and weight, within bounds', async () => {
    const buyer = await signUpAs(app, 'BUYER', 'distbuyer');
    const create = (extra: Record<string, unknown>) =>
      app
        .client(buyer)
        .request<{ createCampaign: { priority: number; weight: number } }>(
          'mutation($input: CampaignInput!) { createCampaign(input: $input) { priority weight } }',
          { input: { name: 'c', filter: { segments: [SEGMENT] }, maxBid: '10.00', exclusivity: 'EXCLUSIVE', ...extra } },
        );
    expect((await create({})).createCampaign).toEqual({ priority: 0, weight: 1 });
    expect((await create({ priority: 5, weight: 7 })).createCampaign).toEqual({ priority: 5, weight: 7 });
    expect((await errorOf(create({ weight: 0 }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.weight' }] });
    expect((await errorOf(create({ priority: -1 }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.priority' }] });
  });
});

it('AUCTION with a percentage margin: the second price, the margin carved off before the commission, in purchase, ledger and settlement', async () => {
  await setPolicy({ method: 'AUCTION', margin: { kind: 'PERCENT', rate: '0.1' } });
  const seller = await createSellerActor(app);
  const city = 'Pasadena';
  const { buyers, campaigns } = await buyersWithCampaigns(city, [{ maxBid: '300.00' }, { maxBid: '250.00' }]);
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  const { sold } = await allocateLead(app.runtime.deps, leadId!);
  expect(sold).toEqual([expect.objectContaining({ campaignId: campaigns[0]!.id, price: 25_001 })]);
  const [purchase] = await purchaseRows([sold[0]!.purchaseId]);
  // M = round(250.01 × 10%) = 25.00; commission on 225.01 at the segment's rate; the seller gets the rest
  const rate = await commissionBps();
  const onRest = Math.floor((22_501 * rate) / 10_000 + 0.5);
  expect(purchase).toMatchObject({ price: 25_001, margin: 2_500, commission: 2_500 + onRest, sellerNet: 22_501 - onRest });
  expect(purchase!.commission + purchase!.sellerNet).toBe(purchase!.price);
  expect((await walletBalance(db(), buyers[0]!.organizationId, 'USD')).amount).toBe(500_000 - 25_001);
  const [entry] = await db()
    .select()
    .from(schema.ledgerTransactions)
    .where(eq(schema.ledgerTransactions.eventKey, `campaign-sale:${purchase!.id}`));
  expect(entry!.memo).toBe(`campaign ${campaigns[0]!.id} won ${leadId}; margin 25.00 USD`);
  await invariantsHold();

  // after the return window the margin reaches platform revenue with the commission; the seller's payable is the net
  const revenueBefore = await owedBy(db(), PLATFORM_REVENUE);
  const run = await runSettlement(app.runtime.deps, new Date(Date.now() + 30 * 86_400_000));
  const settled = await db().select().from(schema.purchases).where(eq(schema.purchases.settlementRunId, run.id));
  expect(settled.map((p) => p.id)).toContain(purchase!.id);
  expect((await owedBy(db(), PLATFORM_REVENUE)) - revenueBefore).toBe(settled.reduce((s, p) => s + p.commission, 0));
  expect(await owedBy(db(), sellerPayable(seller.organizationId))).toBe(purchase!.sellerNet);
  await invariantsHold();
});

it('PRIORITY: the highest tier with a bid at the ask wins, at the second price within the tier', async () => {
  await setPolicy({ method: 'PRIORITY', margin: { kind: 'NONE' } });
  const seller = await createSellerActor(app);
  const city = 'Glendale';
  const { campaigns } = await buyersWithCampaigns(city, [
    { maxBid: '300.00', priority: 2 },
    { maxBid: '280.00', priority: 2 },
    { maxBid: '900.00', priority: 1 },
    { maxBid: '1.00', priority: 9 }, // under any ask: its tier takes no part
  ]);
  const [exclusive] = await listLeads(app, seller, [exclusiveLead({ city })]);
  expect((await allocateLead(app.runtime.deps, exclusive!)).sold).toEqual([expect.objectContaining({ campaignId: campaigns[0]!.id, price: 28_001 })]);
  // a lead shared by three: tier 2's two bids both win and, with no loser in the tier, pay the ask; the third slot
  // goes to tier 1, priced by its own best loser
  const sharedCity = 'Anaheim';
  const tiers = await buyersWithCampaigns(
    sharedCity,
    [
      { maxBid: '90.00', priority: 2 },
      { maxBid: '80.00', priority: 2 },
      { maxBid: '300.00', priority: 1 },
      { maxBid: '70.00', priority: 1 },
    ].map((c) => ({ ...c, exclusivity: 'SHARED' })),
  );
  const [shared] = await listLeads(app, seller, [sharedLead(3, { city: sharedCity, temperature: 'COLD' })]);
  const ask = (await db().select().from(schema.leads).where(eq(schema.leads.id, shared!)))[0]!.price;
  expect(ask).toBeLessThan(7_000);
  const { sold } = await allocateLead(app.runtime.deps, shared!);
  expect(sold.map((s) => [s.campaignId, s.price])).toEqual([
    [tiers.campaigns[0]!.id, ask],
    [tiers.campaigns[1]!.id, ask],
    [tiers.campaigns[2]!.id, 7_001],
  ]);
  const [purchase] = await purchaseRows([sold[0]!.purchaseId]);
  expect(purchase!.margin).toBe(0);
  await invariantsHold();
});

it('ROUND_ROBIN: leads allocated concurrently spread evenly, each at the campaign’s own bid, with a fixed margin', async () => {
  await setPolicy({ method: 'ROUND_ROBIN', margin: { kind: 'FIXED', amount: '5.00' } });
  const seller = await createSellerActor(app);
  const city = 'Burbank';
  const bids = ['300.00', '310.00', '320.00'];
  const { campaigns } = await buyersWithCampaigns(
    city,
    bids.map((maxBid) => ({ maxBid })),
  );
  const ids = await listLeads(
    app,
    seller,
    Array.from({ length: 10 }, () => exclusiveLead({ city })),
  );
  // concurrent allocations on separate connections, as separate workers would run them: the order they take
  // turns in is the committed sequence, read under the campaigns' row locks
  const results = await Promise.all(ids.map((id) => allocateLead(app.runtime.deps, id)));
  const sold = results.flatMap((r) => r.sold);
  expect(sold).toHaveLength(10);
  const counts = campaigns.map((c) => sold.filter((s) => s.campaignId === c.id).length);
  expect(counts.sort()).toEqual([3, 3, 4]);
  for (const s of sold) expect(s.price).toBe(Number(bids[campaigns.findIndex((c) => c.id === s.campaignId)]!.replace('.', '')));
  const purchases = await purchaseRows(sold.map((s) => s.purchaseId));
  const rate = await commissionBps();
  for (const p of purchases) {
    const onRest = Math.floor(((p.price - 500) * rate) / 10_000 + 0.5);
    expect(p).toMatchObject({ margin: 500, commission: 500 + onRest, sellerNet: p.price - 500 - onRest });
  }
  const fresh = await db()
    .select()
    .from(schema.campaigns)
    .where(
      inArray(
        schema.campaigns.id,
        campaigns.map((c) => c.id),
      ),
    );
  expect(fresh.every((c) => c.lastAllocatedSeq != null)).toBe(true);
  await invariantsHold();
});

it('WEIGHTED: the draw maps the injected random number onto the campaigns’ weights, each winner paying its own bid', async () => {
  await setPolicy({ method: 'WEIGHTED', margin: { kind: 'NONE' } });
  const seller = await createSellerActor(app);
  const city = 'Long Beach';
  const { campaigns } = await buyersWithCampaigns(city, [
    { maxBid: '300.00', weight: 1 },
    { maxBid: '400.00', weight: 3 },
  ]);
  // the draw's order is age then id: make the first campaign the older one
  await db()
    .update(schema.campaigns)
    .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
    .where(eq(schema.campaigns.id, campaigns[0]!.id));
  const ids = await listLeads(app, seller, [exclusiveLead({ city }), exclusiveLead({ city })]);
  const drawing = (r: number) => ({ ...app.runtime.deps, random: () => r });
  // total weight 4: [0, 1) → the first, [1, 4) → the second
  expect((await allocateLead(drawing(0.2), ids[0]!)).sold).toEqual([expect.objectContaining({ campaignId: campaigns[0]!.id, price: 30_000 })]);
  expect((await allocateLead(drawing(0.3), ids[1]!)).sold).toEqual([expect.objectContaining({ campaignId: campaigns[1]!.id, price: 40_000 })]);
  await invariantsHold();
});
