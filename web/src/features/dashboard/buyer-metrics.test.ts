import { periodStart, purchasesSince, refundOf, summarizePurchases, type PurchaseFact } from './buyer-metrics';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const bought = (
  amount: string,
  outcome: PurchaseFact['outcome'] = 'NEW',
  dispute: PurchaseFact['dispute'] = null,
  purchasedAt = '2026-11-20T12:00:00Z',
): PurchaseFact => ({ price: usd(amount), outcome, dispute, purchasedAt });

describe('buyer metrics', () => {
  it('is empty without purchases: no rates, no averages', () => {
    const s = summarizePurchases([], 'USD', 2);
    expect(s).toMatchObject({ purchases: 0, gross: 0, net: 0, returnRate: null, effectiveCpl: null, costPerCustomer: null });
  });

  it('computes spend, refunds, return rate, effective CPL and cost per customer', () => {
    const purchases = [
      bought('40.00', 'CONVERTED'),
      bought('30.00', 'LOST', { status: 'ACCEPTED', refund: usd('30.00') }),
      bought('20.00', 'CONTACTED', { status: 'ACCEPTED', refund: usd('5.00') }), // partial refund
      bought('10.00', 'CONVERTED', { status: 'REJECTED', refund: null }),
      bought('0.10', 'NEW', { status: 'OPEN', refund: null }),
    ];
    const s = summarizePurchases(purchases, 'USD', 2);
    expect(s.purchases).toBe(5);
    expect(s.gross).toBe(10_010);
    expect(s.refunds).toBe(3_500);
    expect(s.net).toBe(6_510);
    expect(s.acceptedDisputes).toBe(2);
    expect(s.returnRate).toBeCloseTo(0.4);
    expect(s.effectiveCpl).toBe(1_302); // 65.10 / 5
    expect(s.converted).toBe(2);
    expect(s.costPerCustomer).toBe(3_255); // 65.10 / 2
    expect(s.outcomes).toEqual({ NEW: 1, CONTACTED: 1, QUALIFIED: 0, CONVERTED: 2, LOST: 1 });
  });

  it('has no cost per customer until a lead converts', () => {
    expect(summarizePurchases([bought('12.00', 'QUALIFIED')], 'USD', 2).costPerCustomer).toBeNull();
  });

  it('counts an accepted dispute without an amount as a full refund; open and rejected ones refund nothing', () => {
    expect(refundOf(bought('12.00', 'NEW', { status: 'ACCEPTED', refund: null }), 2)).toBe(1_200);
    expect(refundOf(bought('12.00', 'NEW', { status: 'OPEN', refund: null }), 2)).toBe(0);
    expect(refundOf(bought('12.00', 'NEW', { status: 'REJECTED', refund: null }), 2)).toBe(0);
  });

  it('rounds the averages half up to a cent', () => {
    const s = summarizePurchases([bought('10.00'), bought('10.00'), bought('10.01')], 'USD', 2);
    expect(s.effectiveCpl).toBe(1_000); // 30.01 / 3 = 10.0033
    expect(summarizePurchases([bought('0.01'), bought('0.02')], 'USD', 2).effectiveCpl).toBe(2); // 1.5 → 2
  });

  it('starts periods at local midnight, and "all time" at the first purchase', () => {
    const now = new Date(2026, 10, 23, 15, 30);
    expect(periodStart('LAST_7_DAYS', now, [])).toEqual(new Date(2026, 10, 17));
    expect(periodStart('LAST_30_DAYS', now, [])).toEqual(new Date(2026, 9, 25));
    const first = new Date(2026, 5, 3, 18).toISOString();
    expect(periodStart('ALL', now, [{ purchasedAt: new Date(2026, 10, 1).toISOString() }, { purchasedAt: first }])).toEqual(new Date(2026, 5, 3));
    expect(
      purchasesSince(
        [{ purchasedAt: new Date(2026, 10, 16, 23).toISOString() }, { purchasedAt: new Date(2026, 10, 17, 0, 1).toISOString() }],
        new Date(2026, 10, 17),
      ),
    ).toHaveLength(1);
  });
});
