// Exchange mode: wallet top-ups, second-price allocation, budgets and daily caps under concurrency,
// schedules, and wallet refunds — with the ledger's invariants checked throughout.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { walletBalance } from '@leadex/core/domain/exchange/wallet.service';
import { acceptDispute } from '@leadex/core/domain/disputes/resolve-dispute';
import { openDispute } from '@leadex/core/domain/disputes/open-dispute';
import { issueRefund } from '@leadex/core/domain/payments/issue-refund';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { eq, inArray, schema } from '@leadex/db';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'exchange', stripe: true });
});
afterAll(() => app.close());

const price = async (leadId: string) => (await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId)))[0]!.price;
const invariantsHold = async () => expect((await checkLedgerInvariants(app.runtime.deps.db)).violations).toEqual([]);

it('tops up a wallet through Stripe Checkout', async () => {
  const [buyer] = await createBuyerActors(app, 1);
  await fundWallet(app, buyer!, '250.00');
  expect((await walletBalance(app.runtime.deps.db, buyer!.organizationId, app.runtime.deps.config.PLATFORM_CURRENCY)).amount).toBe(25_000);
  await invariantsHold();
});

it('sells an exclusive lead to the highest bid at the next bid plus one cent, paid from the wallet', async () => {
  const seller = await createSellerActor(app);
  const buyers = await createBuyerActors(app, 3);
  for (const b of buyers) await fundWallet(app, b, '500.00');
  // every campaign is set up before the lead is listed, filtered to its own city so other tests' leads stay out
  const city = 'Pasadena';
  const [a, b, c] = [
    await campaign(buyers[0]!, app, { maxBid: '300.00', filter: { cities: [city] } }),
    await campaign(buyers[1]!, app, { maxBid: '250.00', filter: { cities: [city] } }),
    await campaign(buyers[2]!, app, { maxBid: '200.00', filter: { cities: [city] } }),
  ];
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  const ask = await price(leadId!);
  expect(ask).toBeLessThan(20_000);
  const result = await allocateLead(app.runtime.deps, leadId!);
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: a.id, price: 25_001 })]);
  expect((await walletBalance(app.runtime.deps.db, buyers[0]!.organizationId, app.runtime.deps.config.PLATFORM_CURRENCY)).amount).toBe(50_000 - 25_001);
  const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
  expect(lead).toMatchObject({ status: 'SOLD_OUT', salesCount: 1 });
  // running it again sells nothing more
  expect((await allocateLead(app.runtime.deps, leadId!)).sold).toEqual([]);
  expect([b.id, c.id]).not.toContain(result.sold[0]!.campaignId);
  await invariantsHold();
});

it('sells a shared lead to the top N campaigns at one clearing price', async () => {
  const seller = await createSellerActor(app);
  const buyers = await createBuyerActors(app, 4);
  for (const b of buyers) await fundWallet(app, b, '500.00');
  const city = 'Glendale';
  const bids = ['90.00', '80.00', '70.00', '60.00'];
  const made = [];
  for (const [i, b] of buyers.entries()) made.push(await campaign(b, app, { maxBid: bids[i], exclusivity: 'SHARED', filter: { cities: [city] } }));
  const [leadId] = await listLeads(app, seller, [sharedLead(3, { city, temperature: 'COLD' })]);
  expect(await price(leadId!)).toBeLessThan(6_000);
  const result = await allocateLead(app.runtime.deps, leadId!);
  expect(result.sold.map((s) => [s.campaignId, s.price])).toEqual([
    [made[0]!.id, 6_001],
    [made[1]!.id, 6_001],
    [made[2]!.id, 6_001],
  ]);
  await invariantsHold();
});

it('never overspends a budget or a daily cap, nor a wallet, when leads are allocated concurrently', async () => {
  const seller = await createSellerActor(app);
  const [rich, poor] = await createBuyerActors(app, 2);
  await fundWallet(app, rich!, '10000.00');
  await fundWallet(app, poor!, '150.00');
  const city = 'Burbank';
  const capped = await campaign(rich!, app, { maxBid: '120.00', dailyCap: 4, filter: { cities: [city] } });
  const budgeted = await campaign(poor!, app, { maxBid: '119.00', budget: '500.00', filter: { cities: [city] } });
  const ids = await listLeads(
    app,
    seller,
    Array.from({ length: 12 }, () => exclusiveLead({ city, temperature: 'COLD' })),
  );
  await Promise.all(ids.map((id) => allocateLead(app.runtime.deps, id)));
  const wins = await app.runtime.deps.db.select().from(schema.campaignWins).where(inArray(schema.campaignWins.leadId, ids));
  const capWins = wins.filter((w) => w.campaignId === capped.id);
  const poorWins = wins.filter((w) => w.campaignId === budgeted.id);
  expect(capWins).toHaveLength(4); // the daily cap
  // the poor buyer's wallet (150.00) runs out before its budget (500.00)
  expect(poorWins.reduce((s, w) => s + w.price, 0)).toBeLessThanOrEqual(15_000);
  expect((await walletBalance(app.runtime.deps.db, poor!.organizationId, 'USD')).amount).toBeGreaterThanOrEqual(0);
  const [fresh] = await app.runtime.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, budgeted.id));
  expect(fresh!.spent).toBe(poorWins.reduce((s, w) => s + w.price, 0));
  expect(new Set(wins.map((w) => w.leadId)).size).toBe(wins.length); // exclusive: one win per lead
  await invariantsHold();
});

it('bids only inside its schedule, in its own time zone', async () => {
  const seller = await createSellerActor(app);
  const [buyer] = await createBuyerActors(app, 1);
  await fundWallet(app, buyer!, '500.00');
  const city = 'Long Beach';
  await campaign(buyer!, app, {
    maxBid: '200.00',
    filter: { cities: [city] },
    timeZone: 'Asia/Tokyo',
    schedule: [{ days: ['MON'], from: '09:00', to: '10:00' }],
  });
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  const mondayNineTokyo = new Date('2026-11-23T00:30:00Z'); // 09:30 in Tokyo, a Monday
  const tuesday = new Date('2026-11-24T00:30:00Z');
  const at = (d: Date) => ({ ...app.runtime.deps, clock: () => d });
  // leads and capture times stay fresh because the clock only moves for the allocation
  await app.runtime.deps.db
    .update(schema.leads)
    .set({ expiresAt: new Date('2027-01-01T00:00:00Z') })
    .where(eq(schema.leads.id, leadId!));
  expect((await allocateLead(at(tuesday), leadId!)).sold).toEqual([]);
  expect((await allocateLead(at(mondayNineTokyo), leadId!)).sold).toHaveLength(1);
});

it('refunds a disputed campaign purchase into the wallet', async () => {
  const seller = await createSellerActor(app);
  const [buyer] = await createBuyerActors(app, 1);
  await fundWallet(app, buyer!, '300.00');
  const city = 'Santa Monica';
  await campaign(buyer!, app, { maxBid: '200.00', filter: { cities: [city] } });
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city })]);
  const { sold } = await allocateLead(app.runtime.deps, leadId!);
  const before = (await walletBalance(app.runtime.deps.db, buyer!.organizationId, 'USD')).amount;
  const dispute = await openDispute(app.runtime.deps, buyer!, { purchaseId: sold[0]!.purchaseId, reason: 'FAKE' });
  await acceptDispute(app.runtime.deps, null, dispute.id, { refundAmount: null, note: null });
  const [refund] = await app.runtime.deps.db.select().from(schema.refunds).where(eq(schema.refunds.disputeId, dispute.id));
  expect(await issueRefund(app.runtime.deps, refund!.id)).toBe('SUCCEEDED');
  expect(await issueRefund(app.runtime.deps, refund!.id)).toBe('ALREADY_DONE');
  expect((await walletBalance(app.runtime.deps.db, buyer!.organizationId, 'USD')).amount).toBe(before + sold[0]!.price);
  await invariantsHold();
});
