// The GIN pre-filter of allocation and pings (campaign_match_keys, migration 0015) never drops a campaign the
// exact filter would take: for every filter shape and lead below, key overlap ⇔ the segment/country/city cut.
import postgres from 'postgres';
import { leadMatchKeys } from '@leadex/core/domain/exchange/campaign-match-keys.rules';
import { leadMatchesFilter } from '@leadex/core/domain/exchange/campaign.rules';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const FILTERS: Record<string, unknown>[] = [
  {},
  { segments: [] },
  { segments: ['INSURANCE'] },
  { segments: ['INSURANCE', 'FINANCE'], countries: ['US'] },
  { countries: ['US', 'DE'] },
  { cities: ['Austin'] },
  { segments: ['FINANCE'], cities: ['AUSTIN', 'berlin'] },
  { segments: ['INSURANCE'], countries: ['US'], cities: ['Austin', 'New York'] },
  // 6 × 30 × 40 keys would pass 512: the city is left to the exact filter
  {
    segments: ['INSURANCE', 'TOURISM', 'FINANCE', 'AUTO_TEST_DRIVE', 'EDUCATION', 'SERVICES'],
    countries: Array.from({ length: 30 }, (_, i) => (i === 0 ? 'US' : `C${String.fromCharCode(65 + (i % 26))}`)),
    cities: Array.from({ length: 40 }, (_, i) => (i === 0 ? 'austin' : `city ${i}`)),
  },
  { countries: Array.from({ length: 600 }, (_, i) => (i === 0 ? 'DE' : `X${i}`)) },
];
const LEADS = [
  { segment: 'INSURANCE', country: 'US', city: 'Austin' },
  { segment: 'INSURANCE', country: 'US', city: null },
  { segment: 'FINANCE', country: 'DE', city: 'Berlin' },
  { segment: 'FINANCE', country: 'US', city: 'austin' },
  { segment: 'EDUCATION', country: 'FR', city: 'Paris' },
];

function coarseMatch(filter: Record<string, unknown>, lead: (typeof LEADS)[number]): boolean {
  const f = { segments: filter.segments, countries: filter.countries, cities: filter.cities } as Parameters<typeof leadMatchesFilter>[1];
  const auctionLead = { ...lead, subsegment: null, region: null, geoTier: 'T1', kind: 'CALL', temperature: 'WARM', exclusivity: 'SHARED' };
  return leadMatchesFilter({ ...auctionLead, verification: 'VERIFIED', capturedAt: new Date(), price: 1, sellerQuality: 50 } as never, f, new Date());
}

let database: TestDatabase;
let sql: postgres.Sql;

beforeAll(async () => {
  database = await createTestDatabase('matchkeys');
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql.end();
  await database.drop();
});

it('keys a campaign so that overlap with a lead’s keys is exactly the segment, country and city cut', async () => {
  for (const [index, filter] of FILTERS.entries()) {
    const [row] = await sql<{ keys: string[] }[]>`SELECT campaign_match_keys(${sql.json(filter as postgres.JSONValue)}::jsonb) AS keys`;
    const keys = row!.keys;
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(512);
    for (const lead of LEADS) {
      const overlaps = leadMatchKeys(lead).some((k) => keys.includes(k));
      if (coarseMatch(filter, lead)) expect({ filter, lead, overlaps }).toEqual({ filter, lead, overlaps: true });
      // the two wide filters key more loosely (the exact filter decides), the rest key exactly
      else if (index < FILTERS.length - 2) expect({ filter, lead, overlaps }).toEqual({ filter, lead, overlaps: false });
    }
  }
});

it('is the index the matching query uses', async () => {
  await sql`SET enable_seqscan = off`;
  const plan = await sql<
    { 'QUERY PLAN': string }[]
  >`EXPLAIN SELECT id FROM campaigns WHERE active AND campaign_match_keys(filter) && ARRAY['INSURANCE|US|*']::text[]`;
  expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('campaigns_match_keys_idx');
});
