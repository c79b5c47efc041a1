import { countryName, filterChips } from './filter-chips';
import { EMPTY_FILTER } from './filter-state';

const segments = [{ code: 'FINANCE', name: 'Finance', subsegments: [{ code: 'MORTGAGE', name: 'Mortgage' }] }];
const names = { segments, country: countryName, region: (c: string) => (c === 'US-CA' ? 'California' : c) };

describe('filterChips', () => {
  it('names every active filter value and removes just that one', () => {
    const state = {
      ...EMPTY_FILTER,
      segments: ['FINANCE'],
      subsegments: ['MORTGAGE'],
      countries: ['US'],
      regions: ['US-CA'],
      verifiedOnly: true,
      maxPrice: '20',
    };
    const chips = filterChips(state, names);
    expect(chips.map((c) => c.label)).toEqual(['Finance', 'Mortgage', 'United States', 'California', 'Verified only', 'Up to 20']);
    expect(chips.find((c) => c.label === 'California')!.without.regions).toEqual([]);
    expect(chips.find((c) => c.label === 'Up to 20')!.without.maxPrice).toBe('');
    expect(chips.find((c) => c.label === 'United States')!.without).toMatchObject({ countries: [], regions: [] });
  });

  it('drops the subsegments of a removed segment', () => {
    const chips = filterChips({ ...EMPTY_FILTER, segments: ['FINANCE'], subsegments: ['MORTGAGE'] }, names);
    expect(chips[0]!.without).toMatchObject({ segments: [], subsegments: [] });
  });
});
