// A TND deployment (three minor digits): Stripe charges there only amounts ending in 0, so every price the
// platform computes (grid list price, its SQL repricing, volume discount, auction price) is on the 0.010 step,
// and every amount a user types that is charged, bid or refunded must be.
import { repriceLeads } from '@leadex/core';
import { loadPricing } from '@leadex/core/domain/catalog/catalog.service';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { walletBalance } from '@leadex/core/domain/exchange/wallet.service';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { findBasePrice, listPrice } from '@leadex/core/domain/pricing/pricing.rules';
import { eq, inArray, schema } from '@leadex/db';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { errorOf } from '../helpers/graphql-errors';
import { buyThroughStripe, createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'chargestep', stripe: true, env: { PLATFORM_CURRENCY: 'TND' } });
  // a base price whose products end in any digit: 12.345 TND × 1.4 (HOT) = 17.283, × 0.7 × 2 (COLD, EXCLUSIVE) too
  await app.runtime.deps.db.update(schema.priceGrid).set({ baseAmount: 12_345 }).where(eq(schema.priceGrid.segmentCode, 'AUTO_TEST_DRIVE'));
});
afterAll(() => app?.close());

const leadRows = (ids: string[]) => app.runtime.deps.db.select().from(schema.leads).where(inArray(schema.leads.id, ids));

it('lists grid prices on the 0.010 step, and the volume-discounted order checks out through Stripe', async () => {
  const seller = await createSellerActor(app);
  const ids = await listLeads(
    app,
    seller,
    Array.from({ length: 10 }, () => sharedLead(3)),
  );
  // 12345 × 1.4 = 17283 → 17280, not 17283
  expect((await leadRows(ids)).map((l) => l.price)).toEqual(ids.map(() => 17_280));
  const [buyer] = await createBuyerActors(app, 1);
  // ten leads: 5% off, 864 → 860, each line 16.420 TND
  const { order, purchases } = await buyThroughStripe(app, buyer!, ids);
  expect([order.total, order.currency]).toEqual([164_200, 'TND']);
  expect(purchases.map((p) => p.price)).toEqual(ids.map(() => 16_420));
  expect((await checkLedgerInvariants(app.runtime.deps.db)).violations).toEqual([]);
});

it('reprices in SQL exactly as listPrice does on the step, as days pass', async () => {
  const seller = await createSellerActor(app);
  const leads = [];
  for (const temperature of ['COLD', 'WARM', 'HOT'])
    for (const exclusivity of ['SHARED', 'EXCLUSIVE'])
      leads.push(sharedLead(3, { temperature, exclusivity, capturedAt: new Date(Date.now() - 7 * 3_600_000).toISOString() }));
  const batch = await submitLeads(app.runtime.deps, seller, leads, { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  const ids = batch.results.map((r) => r.lead!.id);
  await app.runtime.deps.db
    .update(schema.leads)
    .set({ status: 'LISTED', verification: 'VERIFIED' })
    .where(inArray(schema.leads.id, ids.slice(0, 3)));
  const pricing = await loadPricing(app.runtime.deps.db);
  const unrounded = new Set<number>();
  for (const days of [0, 1, 3, 9, 40]) {
    const at = new Date(Date.now() + days * 86_400_000);
    await repriceLeads(app.runtime.deps.db, at, ids);
    for (const row of await leadRows(ids)) {
      const lead = {
        baseAmount: findBasePrice(pricing.grid, row.segment, row.subsegment, row.geoTier as 'TIER_1')!,
        temperature: row.temperature as 'HOT',
        exclusivity: row.exclusivity as 'SHARED',
        verified: row.verification === 'VERIFIED',
        capturedAt: row.capturedAt,
      };
      expect({ id: row.id, days, price: row.price }).toEqual({ id: row.id, days, price: listPrice(lead, pricing.factors, at, 10) });
      expect(row.price % 10).toBe(0);
      const perMinor = listPrice(lead, pricing.factors, at);
      if (perMinor % 10 !== 0) unrounded.add(perMinor);
    }
  }
  // the case is real: rounded to a minor unit only, these prices would not end in 0
  expect(unrounded.size).toBeGreaterThan(0);
});

it('sells at the next bid plus 0.010 TND in an auction', async () => {
  const seller = await createSellerActor(app);
  const buyers = await createBuyerActors(app, 2);
  for (const b of buyers) await fundWallet(app, b, '50.000');
  const city = 'Pasadena';
  const [high] = [
    await campaign(buyers[0]!, app, { maxBid: '30.000', filter: { cities: [city] } }),
    await campaign(buyers[1]!, app, { maxBid: '25.000', filter: { cities: [city] } }),
  ];
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city, temperature: 'COLD' })]);
  // 12345 × 0.7 × 2 = 17283 → 17280
  expect((await leadRows([leadId!]))[0]!.price).toBe(17_280);
  const result = await allocateLead(app.runtime.deps, leadId!);
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: high!.id, price: 25_010 })]);
  expect((await walletBalance(app.runtime.deps.db, buyers[0]!.organizationId, 'TND')).amount).toBe(50_000 - 25_010);
});

describe('amounts users type off the 0.010 step', () => {
  let buyer: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    buyer = await signUpAs(app, 'BUYER', 'stepbuyer');
    operator = await createOperatorUser(app);
  });
  const refusedAt = async (p: Promise<unknown>, path: string) =>
    expect((await errorOf(p)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path, message: 'must be a multiple of 0.010 TND' }] });

  it('refuses a top-up, a campaign max bid and budget', async () => {
    await refusedAt(app.client(buyer).request('mutation { topUpWallet(amount: "10.005") { sessionId } }'), 'amount');
    const create = (maxBid: string, budget: string) =>
      app.client(buyer).request('mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }', {
        input: { name: 'Step', filter: { segments: ['AUTO_TEST_DRIVE'] }, maxBid, budget, exclusivity: 'EXCLUSIVE' },
      });
    await refusedAt(create('20.001', '100.000'), 'input.maxBid');
    await refusedAt(create('20.000', '100.009'), 'input.budget');
    await expect(create('20.010', '100.000')).resolves.toMatchObject({ createCampaign: { id: expect.any(String) } });
  });

  it("refuses a seller's asking price", async () => {
    const seller = await createSellerActor(app);
    await expect(listLeads(app, seller, [exclusiveLead({ askingPrice: '12.345' })])).rejects.toMatchObject({
      category: 'BAD_USER_INPUT',
      fields: [{ path: 'input[0].askingPrice', message: 'must be a multiple of 0.010 TND' }],
    });
    const [ok] = await listLeads(app, seller, [exclusiveLead({ askingPrice: '12.340' })]);
    expect((await leadRows([ok!]))[0]!.price).toBe(12_340);
  });

  it("refuses an operator's partial refund amount", async () => {
    const seller = await createSellerActor(app);
    const [leadId] = await listLeads(app, seller, [exclusiveLead({ askingPrice: '12.340' })]);
    const [payer] = await createBuyerActors(app, 1);
    const { purchases } = await buyThroughStripe(app, payer!, [leadId!]);
    const dispute = await openDispute(app.runtime.deps, payer!, { purchaseId: purchases[0]!.id, reason: 'OUT_OF_GEO', evidence: 'Lives elsewhere' });
    const resolve = 'mutation($id: ID!, $amount: Decimal) { resolveDispute(id: $id, decision: ACCEPT, refundAmount: $amount) { status } }';
    await refusedAt(app.client(operator).request(resolve, { id: dispute!.id, amount: '6.175' }), 'refundAmount');
    await expect(app.client(operator).request(resolve, { id: dispute!.id, amount: '6.170' })).resolves.toEqual({ resolveDispute: { status: 'ACCEPTED' } });
  });
});
