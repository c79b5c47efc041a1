import { salesBy, summarizeSales, type SaleFact } from './sales-metrics';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const sale = (
  segment: string,
  country: string,
  sourceChannel: string,
  price: string,
  disputeStatus: SaleFact['disputeStatus'] = null,
  refunded = '0.00',
): SaleFact => {
  const cents = Math.round(Number(price) * 100);
  const commission = Math.round(cents * 0.2);
  return {
    price: usd(price),
    commission: usd((commission / 100).toFixed(2)),
    sellerNet: usd(((cents - commission) / 100).toFixed(2)),
    refunded: usd(refunded),
    disputeStatus,
    lead: { segment, country, sourceChannel },
  };
};

const SALES = [
  sale('INSURANCE', 'US', 'SEO', '50.00'),
  sale('INSURANCE', 'GB', 'SOCIAL', '30.00', 'ACCEPTED', '30.00'),
  sale('FINANCE', 'US', 'SEO', '100.00', 'REJECTED'),
  sale('AUTO_TEST_DRIVE', 'US', 'CONTEXT_ADS', '15.00', 'OPEN'),
];

describe('seller sales metrics', () => {
  it('totals revenue, commission, net, refunds and the return rate', () => {
    expect(summarizeSales(SALES, 2)).toEqual({
      key: 'all',
      sales: 4,
      gross: 19_500,
      commission: 3_900,
      net: 15_600,
      refunded: 3_000,
      returns: 1,
      returnRate: 0.25,
    });
    expect(summarizeSales([], 2).returnRate).toBeNull();
  });

  it('breaks sales down by segment, biggest revenue first', () => {
    expect(salesBy(SALES, 'segment', 2).map((g) => [g.key, g.sales, g.gross, g.returns])).toEqual([
      ['FINANCE', 1, 10_000, 0],
      ['INSURANCE', 2, 8_000, 1],
      ['AUTO_TEST_DRIVE', 1, 1_500, 0],
    ]);
  });

  it('breaks sales down by country and by source channel, with each group’s return rate', () => {
    const byCountry = salesBy(SALES, 'country', 2);
    expect(byCountry.map((g) => [g.key, g.sales, g.returnRate])).toEqual([
      ['US', 3, 0],
      ['GB', 1, 1],
    ]);
    const bySource = salesBy(SALES, 'sourceChannel', 2);
    expect(bySource.map((g) => [g.key, g.gross])).toEqual([
      ['SEO', 15_000],
      ['SOCIAL', 3_000],
      ['CONTEXT_ADS', 1_500],
    ]);
  });

  it('orders equal revenue by name', () => {
    expect(salesBy([sale('B', 'US', 'SEO', '1.00'), sale('A', 'US', 'SEO', '1.00')], 'segment', 2).map((g) => g.key)).toEqual(['A', 'B']);
  });
});
