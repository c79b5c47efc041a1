import { leadMatchKeys } from './campaign-match-keys.rules';

describe('leadMatchKeys', () => {
  it('gives each dimension its value or the open key', () => {
    expect(leadMatchKeys({ segment: 'INSURANCE', country: 'US', city: 'Austin' })).toEqual([
      'INSURANCE|US|austin',
      'INSURANCE|US|*',
      'INSURANCE|*|austin',
      'INSURANCE|*|*',
      '*|US|austin',
      '*|US|*',
      '*|*|austin',
      '*|*|*',
    ]);
  });

  it('looks up a lead without a city only by campaigns open on the city', () => {
    expect(leadMatchKeys({ segment: 'FINANCE', country: 'DE', city: null })).toEqual(['FINANCE|DE|*', 'FINANCE|*|*', '*|DE|*', '*|*|*']);
  });
});
