import fc from 'fast-check';
import { splitCommission } from '../pricing/pricing.rules';
import { money, roundHalfUp } from '../shared/money';
import { dueForSettlement, payoutDue, payoutThreshold, proportionalCommission, settleSale, type SaleInEscrow } from './settlement.rules';

const usd = (amount: number) => money(amount, 'USD');
const bought = new Date('2026-11-20T12:00:00Z');
const hoursLater = (h: number) => new Date(bought.getTime() + h * 3_600_000);
const sale = (over: Partial<SaleInEscrow> = {}): SaleInEscrow => ({
  status: 'ESCROW',
  purchasedAt: bought,
  returnWindowHours: 72,
  undecidedDispute: false,
  refundInFlight: false,
  ...over,
});

describe('maturity', () => {
  it('is due the moment the return window closes, not a millisecond before', () => {
    expect(dueForSettlement(sale(), new Date(hoursLater(72).getTime() - 1))).toBe(false);
    expect(dueForSettlement(sale(), hoursLater(72))).toBe(true);
    expect(dueForSettlement(sale({ returnWindowHours: 24 }), hoursLater(24))).toBe(true);
    expect(dueForSettlement(sale({ returnWindowHours: 168 }), hoursLater(100))).toBe(false);
  });
  it('waits for an undecided dispute and a refund in flight', () => {
    expect(dueForSettlement(sale({ undecidedDispute: true }), hoursLater(500))).toBe(false);
    expect(dueForSettlement(sale({ refundInFlight: true }), hoursLater(500))).toBe(false);
  });
  it('never settles a sale twice, nor a refunded one', () => {
    expect(dueForSettlement(sale({ status: 'SETTLED' }), hoursLater(500))).toBe(false);
    expect(dueForSettlement(sale({ status: 'REFUNDED' }), hoursLater(500))).toBe(false);
  });
});

describe('proportional commission', () => {
  it('keeps the commission of an unrefunded sale as it is', () => {
    expect(proportionalCommission({ price: usd(1003), commission: usd(201), refunded: usd(0) })).toEqual(usd(201));
  });
  it('shrinks with partial refunds at the rate of the sale, half-up', () => {
    // 200 × 500 / 1000 = 100
    expect(proportionalCommission({ price: usd(1000), commission: usd(200), refunded: usd(500) })).toEqual(usd(100));
    // 201 × 503 / 1003 = 100.8… → 101
    expect(proportionalCommission({ price: usd(1003), commission: usd(201), refunded: usd(500) })).toEqual(usd(101));
    // 1 × 1 / 2 = 0.5 → 1
    expect(proportionalCommission({ price: usd(2), commission: usd(1), refunded: usd(1) })).toEqual(usd(1));
    // 3 × 1 / 6 = 0.5 → 1; 3 × 1 / 7 = 0.43 → 0
    expect(proportionalCommission({ price: usd(6), commission: usd(3), refunded: usd(5) })).toEqual(usd(1));
    expect(proportionalCommission({ price: usd(7), commission: usd(3), refunded: usd(6) })).toEqual(usd(0));
  });
  it('refuses amounts that cannot belong to one sale', () => {
    expect(() => proportionalCommission({ price: usd(100), commission: usd(20), refunded: usd(101) })).toThrow(RangeError);
    expect(() => proportionalCommission({ price: usd(100), commission: usd(101), refunded: usd(0) })).toThrow(RangeError);
    expect(() => proportionalCommission({ price: usd(100), commission: money(20, 'EUR'), refunded: usd(0) })).toThrow(RangeError);
  });

  // any sale as record-payment makes it (any price, any segment rate), refunded by any amount up to its price
  const sales = fc
    .record({
      price: fc.integer({ min: 1, max: 1_000_000_000 }),
      bps: fc.integer({ min: 0, max: 10_000 }),
      refundShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ price, bps, refundShare }) => ({ price, commission: splitCommission(price, bps).commission, refunded: Math.floor(price * refundShare) }));

  it('splits what is left into commission + seller net exactly, neither negative', () => {
    fc.assert(
      fc.property(sales, ({ price, commission, refunded }) => {
        const settled = settleSale({ price: usd(price), commission: usd(commission), refunded: usd(refunded) });
        expect(settled.amount.amount).toBe(price - refunded);
        expect(settled.commission.amount + settled.sellerNet.amount).toBe(settled.amount.amount);
        expect(settled.commission.amount).toBeGreaterThanOrEqual(0);
        expect(settled.sellerNet.amount).toBeGreaterThanOrEqual(0);
        expect(settled.commission.amount).toBeLessThanOrEqual(commission);
        expect(Number.isSafeInteger(settled.commission.amount)).toBe(true);
      }),
    );
  });

  it('rounds half-up as roundHalfUp does', () => {
    // within amounts where the float quotient is exact enough for roundHalfUp's epsilon
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000_000 }), (price, bps, r) => {
        const commission = splitCommission(price, bps).commission;
        const refunded = 1 + (r % price);
        const expected = roundHalfUp((commission * (price - refunded)) / price);
        expect(proportionalCommission({ price: usd(price), commission: usd(commission), refunded: usd(refunded) }).amount).toBe(expected);
      }),
    );
  });
});

describe('payout due', () => {
  const seller = { payable: usd(5000), payoutsEnabled: true, suspended: false, payoutInFlight: false };
  it('pays an onboarded seller whose payable reached the minimum', () => {
    expect(payoutDue(seller, usd(5000))).toBe(true);
    expect(payoutDue({ ...seller, payable: usd(4999) }, usd(5000))).toBe(false);
  });
  it('pays nobody with a payout in flight, without payouts enabled, or suspended', () => {
    expect(payoutDue({ ...seller, payoutInFlight: true }, usd(1000))).toBe(false);
    expect(payoutDue({ ...seller, payoutsEnabled: false }, usd(1000))).toBe(false);
    expect(payoutDue({ ...seller, suspended: true }, usd(1000))).toBe(false);
  });
  it('never pays out nothing, even with a zero minimum', () => {
    expect(payoutThreshold(usd(0))).toEqual(usd(1));
    expect(payoutDue({ ...seller, payable: usd(0) }, usd(0))).toBe(false);
    expect(payoutDue({ ...seller, payable: usd(-300) }, usd(0))).toBe(false);
    expect(payoutDue({ ...seller, payable: usd(1) }, usd(0))).toBe(true);
  });
});
