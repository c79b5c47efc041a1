// Campaign figures against real PostgreSQL: leads won, average price, win rate and last win from campaign_wins,
// the daily estimate from the last 30 days of listings the filter matches.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { campaignFigures } from '@leadex/core/domain/exchange/campaign-figures';
import { eq, schema } from '@leadex/db';
import { campaign, fundWallet } from '../helpers/exchange-fixtures';
import { createBuyerActors, createSellerActor, exclusiveLead, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'campaignfigures', stripe: true });
});
afterAll(() => app.close());

const deps = () => app.runtime.deps;

it('counts wins, averages their prices and estimates matching listings a day from the last 30 days', async () => {
  const seller = await createSellerActor(app);
  const [buyer] = await createBuyerActors(app, 1);
  await fundWallet(app, buyer!, '1000.00');
  const city = 'Figures Town';
  const made = await campaign(buyer!, app, { name: 'Figures', maxBid: '200.00', filter: { cities: [city] } });
  const before = await campaignFigures(deps(), buyer!, made);
  expect(before).toMatchObject({ leadsWon: 0, averagePriceMinor: null, winRate: null, lastWonAt: null, matchingLeadsPerDay: 0 });

  const ids = await listLeads(app, seller, [exclusiveLead({ city }), exclusiveLead({ city }), exclusiveLead({ city }), exclusiveLead({ city })]);
  // another city's listing is not the campaign's
  await listLeads(app, seller, [exclusiveLead({ city: 'Elsewhere' })]);
  const sold = [(await allocateLead(deps(), ids[0]!)).sold[0]!, (await allocateLead(deps(), ids[1]!)).sold[0]!];
  // a listing older than the window no longer counts toward the estimate
  await deps()
    .db.update(schema.leads)
    .set({ listedAt: new Date(Date.now() - 31 * 86_400_000) })
    .where(eq(schema.leads.id, ids[3]!));

  const figures = await campaignFigures(deps(), buyer!, made);
  expect(figures.leadsWon).toBe(2);
  expect(figures.averagePriceMinor).toBe(Math.round((sold[0]!.price + sold[1]!.price) / 2));
  expect(figures.winRate).toBeCloseTo(2 / 3);
  expect(figures.matchingLeadsPerDay).toBe(0.1);
  expect(figures.lastWonAt).toBeInstanceOf(Date);
  expect(figures.windowDays).toBe(30);
});
