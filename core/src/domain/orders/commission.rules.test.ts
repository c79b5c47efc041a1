import { money } from '../shared/money';
import { DEFAULT_COMMISSION_BPS, commissionBpsOf, splitSale } from './commission.rules';

describe('commission on a sale', () => {
  it('takes the segment rate, and the documented default for a segment the catalog lost', () => {
    expect(commissionBpsOf({ commissionBps: 1500 })).toBe(1500);
    expect(commissionBpsOf(undefined)).toBe(DEFAULT_COMMISSION_BPS);
    expect(DEFAULT_COMMISSION_BPS).toBe(2000);
  });

  it('splits the price into commission and seller net that add up to it, in its currency', () => {
    expect(splitSale(money(1003, 'USD'), 2000)).toEqual({ commission: money(201, 'USD'), sellerNet: money(802, 'USD') });
    expect(splitSale(money(0, 'JPY'), 2000)).toEqual({ commission: money(0, 'JPY'), sellerNet: money(0, 'JPY') });
  });
});
