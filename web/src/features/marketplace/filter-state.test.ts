import type { LeadFilter } from '../../gql/graphql';
import {
  EMPTY_FILTER,
  filterStateToSearchParams,
  fromFilterDraft,
  fromLeadFilter,
  marketplaceQueryFromUrl,
  parseFilterState,
  pruneSubsegments,
  splitList,
  subsegmentOptions,
  toFilterDraft,
  toLeadFilter,
  validateFilterState,
  type FilterState,
} from './filter-state';

const CATALOG = [
  {
    code: 'INSURANCE',
    name: 'Insurance',
    subsegments: [
      { code: 'CASCO', name: 'CASCO' },
      { code: 'LIFE', name: 'Life' },
    ],
  },
  { code: 'FINANCE', name: 'Finance', subsegments: [{ code: 'LOAN', name: 'Loan' }] },
  { code: 'AUTO_TEST_DRIVE', name: 'Auto test drives', subsegments: [] },
];

const FULL_FILTER: LeadFilter = {
  segments: ['INSURANCE', 'FINANCE'],
  subsegments: ['CASCO', 'LOAN'],
  countries: ['US', 'GB'],
  regions: ['US-CA'],
  cities: ['Los Angeles', 'San Francisco'],
  geoTiers: ['TIER_1', 'TIER_2'],
  kinds: ['INTERESTED'],
  temperatures: ['WARM', 'HOT'],
  exclusivity: 'EXCLUSIVE',
  verifiedOnly: true,
  maxAgeHours: 48,
  minPrice: '10.5',
  maxPrice: '99.99',
  minSellerQuality: 70,
};

const viaUrl = (state: FilterState) => parseFilterState(new URLSearchParams(filterStateToSearchParams(state).toString()));

describe('filter state ⇄ URL', () => {
  it('round-trips every LeadFilter field and the sort through the query string', () => {
    const state = fromLeadFilter(FULL_FILTER, 'PRICE_ASC');
    const back = viaUrl(state);
    expect(back).toEqual(state);
    expect(toLeadFilter(back)).toEqual(FULL_FILTER);
    expect(back.sort).toBe('PRICE_ASC');
  });

  it('round-trips each field on its own', () => {
    for (const [key, value] of Object.entries(FULL_FILTER)) {
      const filter = { [key]: value } as LeadFilter;
      expect(toLeadFilter(viaUrl(fromLeadFilter(filter)))).toEqual(filter);
    }
  });

  it('leaves defaults out of the URL, so no filter is a bare URL', () => {
    expect(filterStateToSearchParams(EMPTY_FILTER).toString()).toBe('');
    expect(toLeadFilter(EMPTY_FILTER)).toEqual({});
  });

  it('writes lists as repeated keys and keeps city names with spaces and commas-free text intact', () => {
    const params = filterStateToSearchParams(fromLeadFilter({ segments: ['INSURANCE', 'FINANCE'], cities: ['New York'] }));
    expect(params.getAll('segment')).toEqual(['INSURANCE', 'FINANCE']);
    expect(params.getAll('city')).toEqual(['New York']);
    expect(params.toString()).toBe('segment=INSURANCE&segment=FINANCE&city=New+York');
  });

  it('gives equal URLs for equal filters whatever order the fields were set in', () => {
    const a = filterStateToSearchParams({ ...EMPTY_FILTER, minPrice: '5', segments: ['INSURANCE'] }).toString();
    const b = filterStateToSearchParams({ ...EMPTY_FILTER, segments: ['INSURANCE'], minPrice: '5' }).toString();
    expect(a).toBe(b);
  });

  it('reads hand-written URLs leniently: lower case, commas, duplicates, unknown enum values', () => {
    const state = parseFilterState(
      new URLSearchParams(
        'segment=insurance,finance&segment=INSURANCE&country=us&tier=tier_1&tier=TIER_9&kind=quick&temperature=hot&exclusivity=shared&verified=true&sort=score_desc',
      ),
    );
    expect(state.segments).toEqual(['INSURANCE', 'FINANCE']);
    expect(state.countries).toEqual(['US']);
    expect(state.geoTiers).toEqual(['TIER_1']);
    expect(state.kinds).toEqual(['QUICK']);
    expect(state.temperatures).toEqual(['HOT']);
    expect(state.exclusivity).toBe('SHARED');
    expect(state.verifiedOnly).toBe(true);
    expect(state.sort).toBe('SCORE_DESC');
  });

  it('falls back to the default sort and no exclusivity for values it does not know', () => {
    const state = parseFilterState(new URLSearchParams('sort=CHEAPEST&exclusivity=BOTH'));
    expect(state.sort).toBe('NEWEST');
    expect(state.exclusivity).toBeNull();
  });
});

describe('filter validation', () => {
  const check = (patch: Partial<FilterState>) => validateFilterState({ ...EMPTY_FILTER, ...patch });

  it('accepts an empty filter and a full valid one', () => {
    expect(check({})).toEqual({});
    expect(validateFilterState(fromLeadFilter(FULL_FILTER))).toEqual({});
  });

  it('rejects country and region codes that are not ISO', () => {
    expect(check({ countries: ['USA'] }).countries).toMatch(/USA/);
    expect(check({ regions: ['California'] }).regions).toMatch(/California/);
    expect(check({ regions: ['US-CA', 'RU-MOW'] })).toEqual({});
  });

  it('checks max age hours: a whole number from 1 to a year', () => {
    expect(check({ maxAgeHours: '0' }).maxAgeHours).toBeDefined();
    expect(check({ maxAgeHours: '1.5' }).maxAgeHours).toBeDefined();
    expect(check({ maxAgeHours: 'abc' }).maxAgeHours).toBeDefined();
    expect(check({ maxAgeHours: '8761' }).maxAgeHours).toBeDefined();
    expect(check({ maxAgeHours: '8760' })).toEqual({});
  });

  it('checks prices as decimals and that the minimum is not above the maximum', () => {
    expect(check({ minPrice: '12,50' }).minPrice).toBeDefined();
    expect(check({ maxPrice: '1.23456' }).maxPrice).toBeDefined();
    expect(check({ minPrice: '-1' }).minPrice).toBeDefined();
    expect(check({ minPrice: '20', maxPrice: '10' }).maxPrice).toMatch(/at least the minimum/);
    expect(check({ minPrice: '10', maxPrice: '10' })).toEqual({});
  });

  it('checks the seller quality bound: 0 to 100', () => {
    expect(check({ minSellerQuality: '101' }).minSellerQuality).toBeDefined();
    expect(check({ minSellerQuality: '-5' }).minSellerQuality).toBeDefined();
    expect(check({ minSellerQuality: '0' })).toEqual({});
  });

  it('does not query with an invalid URL filter, and sends null for an empty one', () => {
    expect(marketplaceQueryFromUrl(new URLSearchParams('maxAge=-3')).variables).toBeNull();
    expect(marketplaceQueryFromUrl(new URLSearchParams('maxAge=-3')).errors.maxAgeHours).toBeDefined();
    expect(marketplaceQueryFromUrl(new URLSearchParams('')).variables).toEqual({ filter: null, sort: 'NEWEST' });
    expect(marketplaceQueryFromUrl(new URLSearchParams('minPrice=5&sort=PRICE_DESC')).variables).toEqual({ filter: { minPrice: '5' }, sort: 'PRICE_DESC' });
  });
});

describe('subsegments depend on segments', () => {
  it('offers only the chosen segments’ subsegments', () => {
    expect(subsegmentOptions(CATALOG, [])).toEqual([]);
    expect(subsegmentOptions(CATALOG, ['INSURANCE']).map((o) => o.value)).toEqual(['CASCO', 'LIFE']);
    expect(subsegmentOptions(CATALOG, ['INSURANCE', 'FINANCE']).map((o) => o.label)).toEqual(['Insurance: CASCO', 'Insurance: Life', 'Finance: Loan']);
  });

  it('drops subsegments whose segment is no longer chosen', () => {
    const state = { ...EMPTY_FILTER, segments: ['FINANCE'], subsegments: ['CASCO', 'LOAN'] };
    expect(pruneSubsegments(state, CATALOG).subsegments).toEqual(['LOAN']);
    expect(pruneSubsegments({ ...state, segments: [] }, CATALOG).subsegments).toEqual([]);
  });

  it('splits typed lists', () => {
    expect(splitList(' us, gb ,,US ', { upper: true })).toEqual(['US', 'GB']);
    expect(splitList('Los Angeles, San Francisco')).toEqual(['Los Angeles', 'San Francisco']);
  });
});

describe('filter drafts (the panel and the campaign form)', () => {
  it('keeps the location lists as typed and splits them when read back', () => {
    const draft = toFilterDraft({ ...EMPTY_FILTER, countries: ['US', 'GB'], cities: ['Los Angeles'] });
    expect(draft).toMatchObject({ countries: 'US, GB', regions: '', cities: 'Los Angeles' });
    expect(fromFilterDraft({ ...draft, countries: 'us, ,de,US', regions: 'us-ca', cities: ' Pasadena , Los Angeles ' })).toMatchObject({
      countries: ['US', 'DE'],
      regions: ['US-CA'],
      cities: ['Pasadena', 'Los Angeles'],
    });
  });
});
