import fc from 'fast-check';
import { money } from '../shared/money';
import { automaticAcceptanceAllowed, disputeRefundAmount, refundableAmount, refundsInFull, withinReturnWindow } from './dispute.rules';

const usd = (amount: number) => money(amount, 'USD');

describe('dispute rules', () => {
  const bought = new Date('2026-11-20T12:00:00Z');
  it('keeps the window open until the last millisecond of it', () => {
    expect(withinReturnWindow(bought, 72, new Date('2026-11-23T11:59:59.999Z'))).toBe(true);
    expect(withinReturnWindow(bought, 72, new Date('2026-11-23T12:00:00Z'))).toBe(false);
  });
  it('withdraws automatic acceptance from buyers with abnormal return rates', () => {
    expect(automaticAcceptanceAllowed(5, 5)).toBe(true); // too few purchases to judge
    expect(automaticAcceptanceAllowed(10, 3)).toBe(true);
    expect(automaticAcceptanceAllowed(10, 4)).toBe(false);
    expect(automaticAcceptanceAllowed(100, 30)).toBe(true);
    expect(automaticAcceptanceAllowed(100, 31)).toBe(false);
  });
});

describe('refund amount of an accepted dispute', () => {
  const purchase = { price: usd(1250), refunded: usd(0) };
  it('refunds everything still refundable when no amount is given', () => {
    expect(disputeRefundAmount(purchase, null)).toEqual(usd(1250));
    expect(disputeRefundAmount({ price: usd(1250), refunded: usd(250) }, null)).toEqual(usd(1000));
  });
  it('refunds the operator’s amount, from one minor unit up to what is refundable', () => {
    expect(disputeRefundAmount(purchase, usd(500))).toEqual(usd(500));
    expect(disputeRefundAmount(purchase, usd(1))).toEqual(usd(1));
    expect(disputeRefundAmount(purchase, usd(1250))).toEqual(usd(1250));
    expect(disputeRefundAmount(purchase, usd(1251))).toBeNull();
    expect(disputeRefundAmount(purchase, usd(0))).toBeNull();
    expect(disputeRefundAmount(purchase, usd(-5))).toBeNull();
    expect(disputeRefundAmount({ price: usd(1250), refunded: usd(1000) }, usd(251))).toBeNull();
  });
  it('refunds nothing of a purchase already refunded in full', () => {
    expect(disputeRefundAmount({ price: usd(1250), refunded: usd(1250) }, null)).toBeNull();
  });
  it('refuses amounts in another currency or refunds past the price', () => {
    expect(() => disputeRefundAmount(purchase, money(500, 'EUR'))).toThrow(RangeError);
    expect(() => refundableAmount(usd(100), usd(101))).toThrow(RangeError);
  });
  it('calls a refund that empties the escrow a full one', () => {
    expect(refundsInFull(purchase, usd(1250))).toBe(true);
    expect(refundsInFull(purchase, usd(1249))).toBe(false);
    expect(refundsInFull({ price: usd(1250), refunded: usd(1000) }, usd(250))).toBe(true);
  });
  it('never refunds more than the price, whatever was refunded before and whatever is asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.integer({ min: -10, max: 1_000_000_010 })),
        (price, share, asked) => {
          const refunded = Math.floor(price * share);
          const amount = disputeRefundAmount({ price: usd(price), refunded: usd(refunded) }, asked == null ? null : usd(asked));
          if (amount == null) return;
          expect(amount.amount).toBeGreaterThanOrEqual(1);
          expect(refunded + amount.amount).toBeLessThanOrEqual(price);
          expect(refundableAmount(usd(price), usd(refunded + amount.amount)).amount).toBe(price - refunded - amount.amount);
        },
      ),
    );
  });
});
