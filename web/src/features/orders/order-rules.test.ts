import { orderPhase, shouldPoll, timeLeft } from './order-rules';

const now = new Date('2026-11-23T10:00:00Z');
const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();

describe('order rules', () => {
  it('counts down the hold as m:ss, or h:mm:ss', () => {
    expect(timeLeft(inMinutes(15), now).text).toBe('15:00');
    expect(timeLeft(new Date(now.getTime() + 65_500).toISOString(), now).text).toBe('1:05');
    expect(timeLeft(inMinutes(62), now).text).toBe('1:02:00');
    expect(timeLeft(inMinutes(-1), now)).toEqual({ ms: 0, text: '0:00' });
  });

  it('is payable while reserved, lapsed once the hold is over', () => {
    expect(orderPhase({ status: 'RESERVED', expiresAt: inMinutes(5) }, now, false)).toBe('reserved');
    expect(orderPhase({ status: 'RESERVED', expiresAt: inMinutes(-1) }, now, false)).toBe('lapsed');
  });

  it('waits for Stripe after a checkout, even past expiry (a late payment is honoured or refunded)', () => {
    expect(orderPhase({ status: 'RESERVED', expiresAt: inMinutes(5) }, now, true)).toBe('confirming');
    expect(orderPhase({ status: 'EXPIRED', expiresAt: inMinutes(-5) }, now, true)).toBe('confirming');
    expect(orderPhase({ status: 'EXPIRED', expiresAt: inMinutes(-5) }, now, false)).toBe('expired');
    expect(orderPhase({ status: 'PAID', expiresAt: inMinutes(5) }, now, true)).toBe('paid');
    expect(orderPhase({ status: 'CANCELLED', expiresAt: inMinutes(5) }, now, false)).toBe('cancelled');
  });

  it('polls only while the status is about to change by itself', () => {
    expect(shouldPoll('confirming')).toBe(true);
    expect(shouldPoll('lapsed')).toBe(true);
    expect(shouldPoll('reserved')).toBe(false);
    expect(shouldPoll('paid')).toBe(false);
  });
});
