import { apiErrorFromGraphql } from '../../lib/api-errors';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { cellKey, changedGridEntries, errorsByItem, percentToRate, rateToPercent } from './pricing-edits';

describe('operator pricing edits', () => {
  it('converts rates and percentages exactly', () => {
    expect(rateToPercent('0.2')).toBe('20');
    expect(rateToPercent('0.2000')).toBe('20');
    expect(rateToPercent('0.1234')).toBe('12.34');
    expect(rateToPercent('0.125')).toBe('12.5');
    expect(rateToPercent('1')).toBe('100');
    expect(percentToRate('20')).toBe('0.2000');
    expect(percentToRate('12.5')).toBe('0.1250');
    expect(percentToRate('0.01')).toBe('0.0001');
    expect(percentToRate('100')).toBe('1.0000');
    expect(percentToRate('100.01')).toBeNull();
    expect(percentToRate('12.345')).toBeNull();
    expect(percentToRate('-1')).toBeNull();
    for (const p of ['0', '7', '19.99', '33.3', '100']) expect(rateToPercent(percentToRate(p)!)).toBe(p);
  });

  it('sends only changed, non-empty grid cells', () => {
    const saved = { [cellKey('INSURANCE', null, 'TIER_1')]: '25.00', [cellKey('INSURANCE', null, 'TIER_2')]: '18.00' };
    const draft = {
      ...saved,
      [cellKey('INSURANCE', null, 'TIER_2')]: '19.50',
      [cellKey('FINANCE', 'MORTGAGE', 'TIER_1')]: '60',
      [cellKey('FINANCE', 'LOAN', 'TIER_1')]: ' ',
    };
    expect(changedGridEntries(draft, saved).map((c) => c.entry)).toEqual([
      { segment: 'FINANCE', subsegment: 'MORTGAGE', geoTier: 'TIER_1', baseAmount: '60' },
      { segment: 'INSURANCE', subsegment: null, geoTier: 'TIER_2', baseAmount: '19.50' },
    ]);
  });

  it('puts input[i] errors on the item sent at index i', () => {
    const error = apiErrorFromGraphql(
      new CombinedError({
        graphQLErrors: [
          new GraphQLError('Invalid input', {
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { path: 'input[1].baseAmount', message: 'too many decimals for USD' },
                { path: 'input', message: 'send at least one' },
              ],
            },
          }),
        ],
      }),
    );
    expect(errorsByItem(error, ['a', 'b'])).toEqual({ byKey: { b: 'too many decimals for USD' }, other: ['input: send at least one'] });
  });
});
