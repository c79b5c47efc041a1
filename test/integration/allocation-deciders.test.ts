// Issue 17: an AUCTION lead reads the matching campaigns best max bid first, a page at a time, and locks only the
// campaigns that decide it. The awards are those of an auction over every campaign, also when the best max bids
// cannot pay and several pages are read; when a decider's money changes between the ranking and its lock, the
// lead is allocated again with every campaign locked.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { eq, schema } from '@leadex/db';
import postgres from 'postgres';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';

let app: TestApp;
/** another session's transaction, and a second session that watches who waits for a lock */
let outside: postgres.Sql;
let watcher: postgres.Sql;
beforeAll(async () => {
  app = await startTestApp({ label: 'deciders', stripe: true });
  outside = postgres(app.database.url, { max: 1, onnotice: () => {} });
  watcher = postgres(app.database.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await outside.end();
  await watcher.end();
  await app.close();
});

const invariantsHold = async () => expect((await checkLedgerInvariants(app.runtime.deps.db)).violations).toEqual([]);
const spentOf = async (id: string) => (await app.runtime.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id)))[0]!.spent;

/**
 * 40 campaigns of a buyer with an empty wallet hold the best max bids (more than a page), then three funded buyers
 * bid 300, 250 and 200: the auction must read past the first page to find them.
 */
async function marketIn(city: string, exclusivity: 'EXCLUSIVE' | 'SHARED', budgetOfBest?: string) {
  const [broke, ...funded] = await createBuyerActors(app, 4);
  for (const b of funded) await fundWallet(app, b, '500.00');
  for (let i = 0; i < 40; i++) await campaign(broke!, app, { maxBid: `${400 - i}.00`, exclusivity, filter: { cities: [city] } });
  const best = await campaign(funded[0]!, app, {
    maxBid: '300.00',
    exclusivity,
    filter: { cities: [city] },
    ...(budgetOfBest ? { budget: budgetOfBest } : {}),
  });
  const second = await campaign(funded[1]!, app, { maxBid: '250.00', exclusivity, filter: { cities: [city] } });
  const third = await campaign(funded[2]!, app, { maxBid: '200.00', exclusivity, filter: { cities: [city] } });
  return { best, second, third };
}

it('reads past a page of campaigns that cannot pay and sells at the second price of every bid', async () => {
  const seller = await createSellerActor(app);
  const city = 'Ventura';
  const { best } = await marketIn(city, 'EXCLUSIVE');
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city, temperature: 'COLD' })]);
  const result = await allocateLead(app.runtime.deps, leadId!);
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: best.id, price: 25_001 })]);
  await invariantsHold();
});

it('sells a shared lead to the best bids found over several pages at one clearing price', async () => {
  const seller = await createSellerActor(app);
  const city = 'Oxnard';
  const { best, second, third } = await marketIn(city, 'SHARED');
  const [leadId] = await listLeads(app, seller, [sharedLead(2, { city, temperature: 'COLD' })]);
  const result = await allocateLead(app.runtime.deps, leadId!);
  expect(result.sold.map((s) => [s.campaignId, s.price])).toEqual([
    [best.id, 20_001],
    [second.id, 20_001],
  ]);
  expect(await spentOf(third.id)).toBe(0);
  await invariantsHold();
});

it('allocates again with every campaign locked when the winner’s budget is spent between the ranking and its lock', async () => {
  const seller = await createSellerActor(app);
  const city = 'Camarillo';
  const { best, second } = await marketIn(city, 'EXCLUSIVE', '1000.00');
  const [leadId] = await listLeads(app, seller, [exclusiveLead({ city, temperature: 'COLD' })]);
  // another transaction spends the best campaign's budget and holds its row while the allocation starts
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let updated!: () => void;
  const isUpdated = new Promise<void>((resolve) => (updated = resolve));
  const holder = outside.begin(async (tx) => {
    await tx`UPDATE campaigns SET spent = budget WHERE id = ${best.id}`;
    updated();
    await released;
  });
  await isUpdated;
  const allocation = allocateLead(app.runtime.deps, leadId!);
  // the ranking saw the old budget; the allocation now waits for the campaign's lock
  await waitFor(async () => {
    const [row] = await watcher`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    return row!.n > 0;
  }, 'the allocation to wait for the campaign lock');
  release();
  await holder;
  const result = await allocation;
  expect(result.sold).toEqual([expect.objectContaining({ campaignId: second.id, price: 20_001 })]);
  expect(await spentOf(best.id)).toBe(100_000); // the budget, spent by the other transaction: nothing more
  await invariantsHold();
});
