import { geoTierFor } from './geo.rules';

const areas = [
  { country: 'US', region: '', city: '', tier: 'TIER_3' },
  { country: 'US', region: 'US-CA', city: '', tier: 'TIER_2' },
  { country: 'US', region: 'US-CA', city: 'Los Angeles', tier: 'TIER_1' },
];

describe('geo tier', () => {
  it('prefers the city, then the region, then the country', () => {
    expect(geoTierFor(areas, 'us', 'US-CA', 'los angeles')).toBe('TIER_1');
    expect(geoTierFor(areas, 'US', null, 'Los Angeles')).toBe('TIER_1');
    expect(geoTierFor(areas, 'US', 'US-CA', 'Fresno')).toBe('TIER_2');
    expect(geoTierFor(areas, 'US', 'US-WY', null)).toBe('TIER_3');
  });
  it('treats unknown countries as tier 3', () => {
    expect(geoTierFor(areas, 'BR', null, 'São Paulo')).toBe('TIER_3');
  });
});
