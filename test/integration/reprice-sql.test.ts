// The set-based SQL repricing and the pure pricing rules must agree to the minor unit.
import { inArray, schema } from '@leadex/db';
import { repriceLeads } from '@leadex/core';
import { loadPricing } from '@leadex/core/domain/catalog/catalog.service';
import { findBasePrice, listPrice } from '@leadex/core/domain/pricing/pricing.rules';
import { sellerConversionFactors } from '@leadex/core/domain/pricing/seller-conversion';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { validLead } from '../fixtures/leads';
import { signUpAs } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'reprice' });
});
afterAll(() => app.close());

async function expectRepricedAsListPrice(ids: string[], dayOffsets: number[]) {
  const pricing = await loadPricing(app.runtime.deps.db);
  for (const days of dayOffsets) {
    const at = new Date(Date.now() + days * 86_400_000);
    await repriceLeads(app.runtime.deps.db, at, ids);
    const rows = await app.runtime.deps.db.select().from(schema.leads).where(inArray(schema.leads.id, ids));
    for (const row of rows) {
      const factors = await sellerConversionFactors(app.runtime.deps.db, row.sellerOrgId);
      const base = findBasePrice(pricing.grid, row.segment, row.subsegment, row.geoTier as 'TIER_1')!;
      const expected = listPrice(
        {
          baseAmount: base,
          temperature: row.temperature as 'HOT',
          exclusivity: row.exclusivity as 'SHARED',
          verified: row.verification === 'VERIFIED',
          capturedAt: row.capturedAt,
          askingPrice: row.askingPrice,
          conversionFactor: factors.get(row.segment),
        },
        pricing.factors,
        at,
      );
      expect({ id: row.id, days, price: row.price }).toEqual({ id: row.id, days, price: expected });
    }
  }
}

it('reprices every kind of lead exactly as listPrice does, as days pass', async () => {
  const seller = await signUpAs(app, 'SELLER');
  const actor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const };
  const leads = [];
  for (const temperature of ['COLD', 'WARM', 'HOT'])
    for (const exclusivity of ['SHARED', 'EXCLUSIVE'])
      for (const [segment, subsegment, attributes, city, region] of [
        ['FINANCE', 'MORTGAGE', { amount: 100000 }, 'London', 'GB-LND'],
        ['FINANCE', 'LOAN', { amount: 5000 }, 'Manchester', 'GB-MAN'],
        ['SERVICES', 'TAXI', {}, 'Nowhere', 'GB-ZZZ'],
      ] as const)
        leads.push(
          validLead({
            temperature,
            exclusivity,
            segment,
            subsegment,
            attributes,
            country: 'GB',
            city,
            region,
            phone: null,
            capturedAt: new Date(Date.now() - 7 * 3_600_000).toISOString(),
          }),
        );
  leads.push(validLead({ askingPrice: '7.77' }));
  const batch = await submitLeads(app.runtime.deps, actor, leads, { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  expect(batch.accepted).toBe(leads.length);
  const ids = batch.results.map((r) => r.lead!.id);
  // half of them verified, as a spot-check would leave them
  await app.runtime.deps.db
    .update(schema.leads)
    .set({ status: 'LISTED', verification: 'VERIFIED' })
    .where(
      inArray(
        schema.leads.id,
        ids.filter((_, i) => i % 2 === 0),
      ),
    );

  await expectRepricedAsListPrice(ids, [0, 1, 3, 9, 40]);
});

it("applies a seller's conversion factor to its grid prices in that segment, in new listings and in repricing alike", async () => {
  const seller = await signUpAs(app, 'SELLER');
  const actor = { userId: seller.userId, organizationId: seller.organizationId, role: 'SELLER' as const, via: 'session' as const };
  // as buyers' outcomes would leave it: converting above the FINANCE average, below the SERVICES one
  await app.runtime.deps.db.insert(schema.sellerSegmentConversion).values([
    { sellerOrgId: seller.organizationId, segment: 'FINANCE', outcomes: 240, conversions: 60, factor: 1.0833 },
    { sellerOrgId: seller.organizationId, segment: 'SERVICES', outcomes: 40, conversions: 1, factor: 0.9137 },
  ]);
  const leads = [];
  for (const temperature of ['COLD', 'WARM', 'HOT'])
    for (const [segment, subsegment, attributes, city, region] of [
      ['FINANCE', 'MORTGAGE', { amount: 100000 }, 'London', 'GB-LND'],
      ['FINANCE', 'LOAN', { amount: 5000 }, 'Manchester', 'GB-MAN'],
      ['SERVICES', 'TAXI', {}, 'Nowhere', 'GB-ZZZ'],
    ] as const)
      leads.push(
        validLead({
          temperature,
          exclusivity: 'EXCLUSIVE',
          segment,
          subsegment,
          attributes,
          country: 'GB',
          city,
          region,
          phone: null,
          capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
        }),
      );
  leads.push(validLead({ segment: 'FINANCE', subsegment: 'LOAN', attributes: { amount: 5000 }, askingPrice: '7.77' }));
  const batch = await submitLeads(app.runtime.deps, actor, leads, { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  expect(batch.accepted).toBe(leads.length);
  const ids = batch.results.map((r) => r.lead!.id);
  const priced = await app.runtime.deps.db.select().from(schema.leads).where(inArray(schema.leads.id, ids));
  // priced at submission with the factor: a reprice at the same moment changes nothing but the asking price stays
  expect(priced.find((l) => l.askingPrice != null)!.price).toBe(777);
  expect(await repriceLeads(app.runtime.deps.db, new Date(), ids)).toBe(0);
  await app.runtime.deps.db
    .update(schema.leads)
    .set({ status: 'LISTED', verification: 'VERIFIED' })
    .where(
      inArray(
        schema.leads.id,
        ids.filter((_, i) => i % 2 === 0),
      ),
    );
  await expectRepricedAsListPrice(ids, [0, 2, 11]);
});
