import { eq, schema } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { validLead } from '../fixtures/leads';
import { createOperatorUser, signUpAs, type TestUser } from '../helpers/actors';
import { MARKETPLACE, SUBMIT_LEADS } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';

type Node = {
  id: string;
  segment: string;
  subsegment: string | null;
  country: string;
  region: string | null;
  city: string | null;
  geoTier: string;
  kind: string;
  temperature: string;
  score: number;
  exclusivity: string;
  verification: string;
  capturedAt: string;
  price: { amount: string; currencyCode: string };
  seller: { id: string; qualityScore: number };
  preview: { initials: string; phone: string | null; email: string | null };
  contact: unknown;
};
type Market = { marketplace: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Node }[] } };

let app: TestApp;
let seller: TestUser;
let rival: TestUser;
let buyer: TestUser;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function listBatch(user: TestUser, leads: Record<string, unknown>[]) {
  const res = await app.client(user).request<{ submitLeads: { id: string; accepted: number; results: unknown } }>(SUBMIT_LEADS, { input: leads });
  // the real spot-check worker gives the verdict
  await waitFor(async () => {
    const [b] = await app.runtime.deps.db.select().from(schema.leadBatches).where(eq(schema.leadBatches.id, res.submitLeads.id));
    return b && b.status !== 'PENDING_VERIFICATION';
  }, `verdict on ${res.submitLeads.id}`);
  return res.submitLeads;
}

const market = (vars: Record<string, unknown>, user: TestUser = buyer) => app.client(user).request<Market>(MARKETPLACE, vars);

beforeAll(async () => {
  app = await startTestApp({ label: 'market', workers: true });
  [seller, rival, buyer] = await Promise.all([signUpAs(app, 'SELLER'), signUpAs(app, 'SELLER', 'rival'), signUpAs(app, 'BUYER')]);
  await listBatch(seller, [
    validLead({ capturedAt: hoursAgo(1), temperature: 'HOT', exclusivity: 'EXCLUSIVE', kind: 'INTERESTED' }),
    validLead({ capturedAt: hoursAgo(2), temperature: 'WARM', city: 'Fresno' }),
    validLead({ capturedAt: hoursAgo(30), temperature: 'COLD', kind: 'QUICK', region: 'US-TX', city: 'Austin' }),
    validLead({
      segment: 'FINANCE',
      subsegment: 'MORTGAGE',
      attributes: { amount: 350000, termMonths: 360 },
      capturedAt: hoursAgo(3),
      country: 'GB',
      region: 'GB-LND',
      city: 'London',
      phone: '+447400123456',
    }),
    validLead({
      segment: 'INSURANCE',
      subsegment: 'CASCO',
      attributes: { vehicleYear: 2019 },
      capturedAt: hoursAgo(5),
      country: 'DE',
      region: 'DE-BE',
      city: 'Berlin',
      phone: '+4915112345670',
    }),
  ]);
  await listBatch(rival, [
    validLead({ segment: 'TOURISM', subsegment: 'HOTEL', attributes: { destination: 'Lisbon' }, capturedAt: hoursAgo(4), askingPrice: '9.99' }),
    validLead({ segment: 'EDUCATION', subsegment: 'COURSE', attributes: { subject: 'Data science', format: 'ONLINE' }, capturedAt: hoursAgo(6) }),
  ]);
});
afterAll(() => app.close());

describe('listing through the spot-check', () => {
  it('lists a clean batch as VERIFIED after the worker samples it, and improves the seller score', async () => {
    const { marketplace } = await market({ first: 50 });
    expect(marketplace.totalCount).toBe(7);
    expect(marketplace.edges.every((e) => e.node.verification === 'VERIFIED')).toBe(true);
    const [batch] = await app.runtime.deps.db.select().from(schema.leadBatches).where(eq(schema.leadBatches.sellerOrgId, seller.organizationId));
    // the automatic checks ran on every lead; nothing is sampled for a provider that costs nothing
    expect(batch).toMatchObject({ status: 'VERIFIED', sampleSize: 0, sampleFailed: 0 });
  });

  it('never verifies the pseudo-leads of a bad batch: under the DISCOUNT policy they are listed unverified at a discount', async () => {
    const shady = await signUpAs(app, 'SELLER', 'shady');
    // every lead carries a pseudo-lead signal, so whatever the sample, it fails
    const bad = Array.from({ length: 10 }, (_, i) => validLead({ fullName: `Test User${i}`, capturedAt: hoursAgo(1) }));
    await listBatch(shady, bad);
    const rows = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.sellerOrgId, shady.organizationId));
    const rejected = rows.filter((r) => r.status === 'REJECTED');
    const listed = rows.filter((r) => r.status === 'LISTED');
    expect(rejected.length).toBe(0); // every lead fails the automatic checks; AUTO_TEST_DRIVE's policy is DISCOUNT
    expect(listed).toHaveLength(10);
    expect(listed.every((r) => r.verification === 'UNVERIFIED')).toBe(true);
    const [org] = await app.runtime.deps.db.select().from(schema.organizations).where(eq(schema.organizations.id, shady.organizationId));
    expect(org!.qualityScore).toBeLessThan(80);
    // an unverified lead costs less than a verified one of the same kind
    const { marketplace } = await market({ filter: { verifiedOnly: true, segments: ['AUTO_TEST_DRIVE'] }, first: 50 });
    expect(marketplace.edges.every((e) => e.node.seller.id !== shady.organizationId)).toBe(true);
  });
});

describe('browsing', () => {
  it('shows masked previews and never the contact to a buyer or another seller', async () => {
    for (const user of [buyer, rival]) {
      const { marketplace } = await market({ filter: { segments: ['AUTO_TEST_DRIVE'] }, first: 50 }, user);
      for (const { node } of marketplace.edges.filter((e) => e.node.seller.id === seller.organizationId)) {
        expect(node.contact).toBeNull();
        expect(node.preview.initials).toBe('M. L.');
        expect(node.preview.phone).toMatch(/•/);
        expect(node.preview.email).toMatch(/^m•••@e•••\.org$/);
      }
    }
    const reads = await app.runtime.deps.db.select().from(schema.contactReads);
    expect(reads.filter((r) => r.organizationId !== seller.organizationId && r.organizationId !== rival.organizationId)).toEqual([]);
  });

  it('filters by every field of the LeadFilter', async () => {
    const ids = async (filter: Record<string, unknown>) => (await market({ filter, first: 100 })).marketplace.edges.map((e) => e.node);
    expect((await ids({ segments: ['FINANCE'] })).map((n) => n.subsegment)).toEqual(['MORTGAGE']);
    expect((await ids({ subsegments: ['HOTEL', 'COURSE'] })).length).toBe(2);
    expect((await ids({ countries: ['gb', 'DE'] })).map((n) => n.country).sort()).toEqual(['DE', 'GB']);
    expect((await ids({ regions: ['US-TX'] })).map((n) => n.city)).toEqual(['Austin']);
    expect((await ids({ cities: ['Fresno'] })).length).toBe(1);
    expect((await ids({ geoTiers: ['TIER_1'], segments: ['FINANCE', 'INSURANCE'] })).length).toBe(2);
    expect((await ids({ kinds: ['QUICK'] })).every((n) => n.kind === 'QUICK')).toBe(true);
    expect((await ids({ temperatures: ['COLD'] })).every((n) => n.temperature === 'COLD')).toBe(true);
    expect((await ids({ exclusivity: 'EXCLUSIVE' })).every((n) => n.exclusivity === 'EXCLUSIVE')).toBe(true);
    expect((await ids({ maxAgeHours: 3, verifiedOnly: true })).every((n) => Date.now() - Date.parse(n.capturedAt) <= 3 * 3_600_000)).toBe(true);
    const priced = await ids({ minPrice: '10.00', maxPrice: '40.00' });
    expect(priced.length).toBeGreaterThan(0);
    expect(priced.every((n) => Number(n.price.amount) >= 10 && Number(n.price.amount) <= 40)).toBe(true);
    expect((await ids({ segments: ['TOURISM'] }))[0]!.price).toEqual({ amount: '9.99', currencyCode: 'USD' });
    const quality = await ids({ minSellerQuality: 81 });
    expect(quality.every((n) => n.seller.qualityScore >= 81)).toBe(true);
    expect(quality.length).toBeGreaterThan(0);
    expect(await ids({ minSellerQuality: 100 })).toEqual([]);
  });

  it('sorts by price, freshness and score, and pages without gaps or repeats', async () => {
    const all = (await market({ sort: 'PRICE_ASC', first: 100 })).marketplace.edges.map((e) => e.node);
    const prices = all.map((n) => Number(n.price.amount));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = (await market({ sort: 'PRICE_DESC', first: 100 })).marketplace.edges.map((e) => Number(e.node.price.amount));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const scores = (await market({ sort: 'SCORE_DESC', first: 100 })).marketplace.edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    for (const sort of ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'SCORE_DESC']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const { marketplace }: Market = await market({ sort, first: 2, after });
        seen.push(...marketplace.edges.map((e) => e.node.id));
        if (!marketplace.pageInfo.hasNextPage) break;
        after = marketplace.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(all.length);
    }
  });

  it('answers bad arguments with BAD_USER_INPUT and the field path', async () => {
    const err = async (vars: Record<string, unknown>) =>
      (await market(vars).catch((e: ClientError) => e.response.errors![0]!)) as unknown as { extensions: { code: string; fields: { path: string }[] } };
    expect((await err({ first: 1000 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] });
    expect((await err({ after: 'garbage' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
    expect((await err({ filter: { minSellerQuality: 101 } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.minSellerQuality' }],
    });
    expect((await err({ filter: { minPrice: 'ten' } })).extensions.code).toBe('BAD_USER_INPUT');
    expect((await err({ filter: { geoTiers: ['TIER_9'] } })).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('hides the leads of a suspended seller', async () => {
    const before = (await market({ first: 100 })).marketplace.edges.filter((e) => e.node.seller.id === rival.organizationId).length;
    expect(before).toBe(2);
    await app.runtime.deps.db.update(schema.organizations).set({ suspended: true }).where(eq(schema.organizations.id, rival.organizationId));
    const { marketplace } = await market({ first: 100 });
    expect(marketplace.edges.filter((e) => e.node.seller.id === rival.organizationId)).toEqual([]);
    await app.runtime.deps.db.update(schema.organizations).set({ suspended: false }).where(eq(schema.organizations.id, rival.organizationId));
  });

  it('keeps anonymous visitors out', async () => {
    const err = await app
      .client()
      .request(MARKETPLACE, {})
      .catch((e: ClientError) => e.response.errors![0]);
    expect(err).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('pricing', () => {
  it('quotes what the grid says, with tier, temperature, exclusivity and volume discount', async () => {
    const quote = (input: Record<string, unknown>) =>
      app
        .client(buyer)
        .request<{ priceQuote: { amount: string } }>('query($input: PriceQuoteInput!) { priceQuote(input: $input) { amount currencyCode } }', { input });
    // AUTO_TEST_DRIVE tier 1 base 40.00 × HOT 1.4 × EXCLUSIVE 2 = 112.00
    expect(
      (await quote({ segment: 'AUTO_TEST_DRIVE', country: 'US', region: 'US-CA', city: 'Los Angeles', temperature: 'HOT', exclusivity: 'EXCLUSIVE' }))
        .priceQuote.amount,
    ).toBe('112.00');
    // tier 2 region (30.00) × WARM × SHARED, 50 leads → 10% off = 27.00
    expect(
      (await quote({ segment: 'AUTO_TEST_DRIVE', country: 'US', region: 'US-CA', city: 'Fresno', exclusivity: 'SHARED', quantity: 50 })).priceQuote.amount,
    ).toBe('27.00');
    // freshness: 4 days old → 0.8; unverified → 0.85: 20.00 × 0.8 × 0.85 = 13.60
    expect(
      (
        await quote({
          segment: 'AUTO_TEST_DRIVE',
          country: 'BR',
          exclusivity: 'SHARED',
          verified: false,
          capturedAt: new Date(Date.now() - 4 * 86_400_000 - 60_000).toISOString(),
        })
      ).priceQuote.amount,
    ).toBe('13.60');
    const bad = await quote({ segment: 'FINANCE', subsegment: 'HOTEL', country: 'US', exclusivity: 'SHARED' }).catch((e: ClientError) => e.response.errors![0]);
    expect(bad).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.subsegment' }] } });
  });

  it('lets operators edit the grid and commission (and nobody else), and reprices listed leads', async () => {
    const operator = await createOperatorUser(app);
    const SET_GRID = 'mutation($input: [PriceGridEntryInput!]!) { setPriceGrid(input: $input) { segment subsegment geoTier baseAmount { amount } } }';
    const denied = await app
      .client(seller)
      .request(SET_GRID, { input: [{ segment: 'EDUCATION', geoTier: 'TIER_3', baseAmount: '1.00' }] })
      .catch((e: ClientError) => e.response.errors![0]);
    expect(denied).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const res = await app
      .client(operator)
      .request<{ setPriceGrid: unknown[] }>(SET_GRID, { input: [{ segment: 'EDUCATION', geoTier: 'TIER_1', baseAmount: '50.00' }] });
    expect(res.setPriceGrid).toEqual([{ segment: 'EDUCATION', subsegment: null, geoTier: 'TIER_1', baseAmount: { amount: '50.00' } }]);
    // the reprice job runs on the worker: the education lead (tier 3 US city, WARM... fresh) follows the new base
    await waitFor(async () => {
      const { marketplace } = await market({ filter: { segments: ['EDUCATION'] } });
      return Number(marketplace.edges[0]!.node.price.amount) >= 40;
    }, 'repriced education lead');

    const rate = await app
      .client(operator)
      .request<{ setCommissionRate: { code: string; commissionRate: string } }>(
        'mutation { setCommissionRate(segment: "finance", rate: "0.15") { code commissionRate } }',
      );
    expect(rate.setCommissionRate).toEqual({ code: 'FINANCE', commissionRate: '0.15' });
    const badRate = await app
      .client(operator)
      .request('mutation { setCommissionRate(segment: "FINANCE", rate: "1.5") { code } }')
      .catch((e: ClientError) => e.response.errors![0]);
    expect(badRate).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'rate' }] } });
  });

  it('does the campaign arithmetic', async () => {
    const res = await app
      .client(buyer)
      .request<{ cplCalculator: unknown }>(
        '{ cplCalculator(clicks: 1000, costPerClick: "0.50", leads: 40) { budget { amount } costPerLead { amount } conversionRate } }',
      );
    expect(res.cplCalculator).toEqual({ budget: { amount: '500.00' }, costPerLead: { amount: '12.50' }, conversionRate: 0.04 });
  });
});
