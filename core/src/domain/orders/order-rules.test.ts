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

  it('gives no discount below the first tier', () => {
    expect(priceOrderLines([money(1000, 'USD')], tiers, 'USD')).toEqual({ discountBps: 0, prices: [money(1000, 'USD')], total: money(1000, 'USD') });
  });

  it('refuses a line in another currency than the order', () => {
    expect(() => priceOrderLines([money(1000, 'USD'), money(1000, 'EUR')], tiers, 'USD')).toThrow(/EUR/);
  });
});
