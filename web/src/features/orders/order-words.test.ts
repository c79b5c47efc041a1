import { leadCountText, orderReference, orderStatusWords, paidWithWords } from './order-words';

describe('orders in words', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('gives a short reference from the end of the id', () => {
    expect(orderReference('ord_01jz8k3f9k2q')).toBe('#3F9K2Q');
  });
  it('calls a reserved order pending payment until its hold ends', () => {
    expect(orderStatusWords('RESERVED', '2026-12-03T12:00:01Z', now).label).toBe('Pending payment');
    expect(orderStatusWords('RESERVED', '2026-12-03T12:00:00Z', now).label).toBe('Expired');
    expect(orderStatusWords('PAID', '2026-12-03T11:00:00Z', now)).toEqual({ label: 'Paid', tone: 'good' });
  });
  it('counts leads and names the payment method', () => {
    expect(leadCountText(1)).toBe('1 lead');
    expect(leadCountText(1200)).toBe('1,200 leads');
    expect(paidWithWords('WALLET')).toBe('Wallet');
    expect(paidWithWords(null)).toBe('—');
  });
});
