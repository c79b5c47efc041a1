// Buyers' outcomes feed price (issue 11 §4): a seller × segment conversion factor, shrunk toward the segment
// average and bounded (conversion.rules.ts), stored when an outcome is reported, applied by the repricer to
// that seller's grid-priced leads in that segment only, and shown to buyers on the lead.
import { repriceLeads } from '@leadex/core';
import { loadPricing } from '@leadex/core/domain/catalog/catalog.service';
import { findBasePrice, listPrice } from '@leadex/core/domain/pricing/pricing.rules';
import { and, eq, inArray, schema } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { buyThroughStripe, createSellerActor, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const OUTCOME = `mutation($id: ID!, $outcome: LeadOutcome!, $reason: String) { updateLeadOutcome(purchaseId: $id, outcome: $outcome, reason: $reason) { id outcome } }`;
const LEAD = `query($id: ID!) { lead(id: $id) { id price { amount } sellerConversion { rate outcomes factor } } }`;
type Conversion = { rate: number; outcomes: number; factor: number } | null;

let app: TestApp;
let buyer: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'sellerconversion', stripe: true });
  buyer = await signUpAs(app, 'BUYER', 'conversion');
});
afterAll(() => app.close());

const education = () => validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Statistics' } });

async function stored(sellerOrgId: string, segment: string) {
  const t = schema.sellerSegmentConversion;
  const [row] = await app.runtime.deps.db
    .select()
    .from(t)
    .where(and(eq(t.sellerOrgId, sellerOrgId), eq(t.segment, segment)));
  return row && { outcomes: row.outcomes, conversions: row.conversions, factor: Number(row.factor) };
}

async function leadRows(ids: string[]) {
  const rows = await app.runtime.deps.db.select().from(schema.leads).where(inArray(schema.leads.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

it('prices a seller by how its sales convert in the segment, and shows it to buyers', async () => {
  const [good, poor, other] = [await createSellerActor(app), await createSellerActor(app), await createSellerActor(app)];
  const goodSold = await listLeads(
    app,
    good,
    Array.from({ length: 6 }, () => validLead()),
  );
  const goodListed = await listLeads(app, good, [validLead(), validLead({ askingPrice: '31.00' }), education()]);
  const poorSold = await listLeads(
    app,
    poor,
    Array.from({ length: 4 }, () => validLead()),
  );
  const poorListed = await listLeads(app, poor, [validLead()]);
  const otherListed = await listLeads(app, other, [validLead()]);
  const listed = [...goodListed, ...poorListed, ...otherListed];
  const before = await leadRows(listed);

  const buyerActor = { userId: buyer.userId, organizationId: buyer.organizationId, role: 'BUYER' as const, via: 'session' as const };
  const goodPurchases = (await buyThroughStripe(app, buyerActor, goodSold)).purchases.map((p) => p.id);
  const poorPurchases = (await buyThroughStripe(app, buyerActor, poorSold)).purchases.map((p) => p.id);
  const report = (id: string, outcome: string, reason?: string) => app.client(buyer).request(OUTCOME, { id, outcome, reason });

  // a lone seller in the segment is the segment average: factor 1
  await report(goodPurchases[0]!, 'CONVERTED');
  expect(await stored(good.organizationId, 'AUTO_TEST_DRIVE')).toEqual({ outcomes: 1, conversions: 1, factor: 1 });

  for (const id of goodPurchases.slice(1, 4)) await report(id, 'CONVERTED');
  await report(goodPurchases[4]!, 'LOST', 'bought elsewhere');
  await report(goodPurchases[5]!, 'QUALIFIED');
  await report(goodPurchases[5]!, 'CONTACTED'); // a changed outcome is recounted, not added
  for (const id of poorPurchases.slice(0, 3)) await report(id, 'LOST', 'not interested');
  // poorPurchases[3] stays NEW: not a reported outcome

  // pooled average 4 / 9; good: (4 + 20 × 4/9) / 26 = 0.4957 → 1.0513; poor: (0 + 20 × 4/9) / 23 = 0.3865 → 0.9420
  expect(await stored(good.organizationId, 'AUTO_TEST_DRIVE')).toEqual({ outcomes: 6, conversions: 4, factor: 1.0513 });
  expect(await stored(poor.organizationId, 'AUTO_TEST_DRIVE')).toEqual({ outcomes: 3, conversions: 0, factor: 0.942 });
  expect(await stored(good.organizationId, 'EDUCATION')).toBeUndefined();

  const now = app.runtime.deps.clock();
  await repriceLeads(app.runtime.deps.db, now, listed);
  const after = await leadRows(listed);
  const pricing = await loadPricing(app.runtime.deps.db);
  const gridPrice = (id: string, conversionFactor?: number) => {
    const l = before.get(id)!;
    const base = findBasePrice(pricing.grid, l.segment, l.subsegment, l.geoTier as 'TIER_1')!;
    return listPrice(
      {
        baseAmount: base,
        temperature: l.temperature as 'HOT',
        exclusivity: l.exclusivity as 'SHARED',
        verified: l.verification === 'VERIFIED',
        capturedAt: l.capturedAt,
        conversionFactor,
      },
      pricing.factors,
      now,
    );
  };
  const [goodAuto, goodAsking, goodEducation] = goodListed as [string, string, string];
  expect(before.get(goodAuto)!.price).toBe(gridPrice(goodAuto));
  expect(after.get(goodAuto)!.price).toBe(gridPrice(goodAuto, 1.0513));
  expect(after.get(goodAuto)!.price).toBeGreaterThan(before.get(goodAuto)!.price);
  expect(after.get(poorListed[0]!)!.price).toBe(gridPrice(poorListed[0]!, 0.942));
  expect(after.get(poorListed[0]!)!.price).toBeLessThan(before.get(poorListed[0]!)!.price);
  // the seller's own asking price, its other segment and another seller stay as they were
  expect(after.get(goodAsking)!.price).toBe(3100);
  expect(after.get(goodEducation)!.price).toBe(before.get(goodEducation)!.price);
  expect(after.get(otherListed[0]!)!.price).toBe(before.get(otherListed[0]!)!.price);

  const shown = async (id: string) => (await app.client(buyer).request<{ lead: { sellerConversion: Conversion } }>(LEAD, { id })).lead.sellerConversion;
  expect(await shown(goodAuto)).toEqual({ rate: 4 / 6, outcomes: 6, factor: 1.0513 });
  expect(await shown(poorListed[0]!)).toEqual({ rate: 0, outcomes: 3, factor: 0.942 });
  expect(await shown(goodEducation)).toBeNull();
  expect(await shown(otherListed[0]!)).toBeNull();

  // new listings of the seller in the segment are priced with the factor from the start
  const [fresh] = await listLeads(app, good, [validLead()]);
  expect(await repriceLeads(app.runtime.deps.db, app.runtime.deps.clock(), [fresh!])).toBe(0);
});
