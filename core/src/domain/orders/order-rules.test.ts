import { money } from '../shared/money';
import { priceOrderLines } from './order-rules';

const tiers = [{ minQuantity: 2, discountBps: 1000 }];

describe('pricing an order', () => {
  it('discounts and rounds each line on its own, and totals the lines', () => {
    const priced = priceOrderLines([money(1005, 'USD'), money(999, 'USD')], tiers, 'USD');
    expect(priced.discountBps).toBe(1000);
    // 1005 − round(100.5) = 904; 999 − round(99.9) = 899
    expect(priced.prices).toEqual([money(904, 'USD'), money(899, 'USD')]);
    expect(priced.total).toEqual(money(1803, 'USD'));
  });

  it('rounds each discounted line to the charge step in a three-decimal currency, so the total Stripe charges ends in 0', () => {
    const priced = priceOrderLines([money(12_350, 'TND'), money(9_990, 'TND')], tiers, 'TND');
    // 12350 − round(1235 to 10) = 12350 − 1240; 9990 − round(999 to 10) = 9990 − 1000
    expect(priced.prices).toEqual([money(11_110, 'TND'), money(8_990, 'TND')]);
    expect(priced.total).toEqual(money(20_100, 'TND'));
  });

  it('gives no discount below the first tier', () => {
    expect(priceOrderLines([money(1000, 'USD')], tiers, 'USD')).toEqual({ discountBps: 0, prices: [money(1000, 'USD')], total: money(1000, 'USD') });
  });

  it('refuses a line in another currency than the order', () => {
    expect(() => priceOrderLines([money(1000, 'USD'), money(1000, 'EUR')], tiers, 'USD')).toThrow(/EUR/);
  });
});
