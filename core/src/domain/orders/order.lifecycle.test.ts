import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { ORDER_LIFECYCLE } from './order.lifecycle';

describe('order lifecycle', () => {
  it('lets the buyer pay or cancel a reservation, and only the platform expire it or record the payment', () => {
    expect(canTransition(ORDER_LIFECYCLE, 'RESERVED', 'PAID', 'BUYER')).toBe(true);
    expect(canTransition(ORDER_LIFECYCLE, 'RESERVED', 'PAID', 'SYSTEM')).toBe(true);
    expect(canTransition(ORDER_LIFECYCLE, 'RESERVED', 'CANCELLED', 'BUYER')).toBe(true);
    expect(canTransition(ORDER_LIFECYCLE, 'RESERVED', 'CANCELLED', 'OPERATOR')).toBe(false);
    expect(canTransition(ORDER_LIFECYCLE, 'RESERVED', 'EXPIRED', 'SYSTEM')).toBe(true);
    expect(canTransition(ORDER_LIFECYCLE, 'RESERVED', 'EXPIRED', 'BUYER')).toBe(false);
  });

  it('honours a late payment of an expired or cancelled order, which the buyer cannot start', () => {
    expect(canTransition(ORDER_LIFECYCLE, 'EXPIRED', 'PAID', 'SYSTEM')).toBe(true);
    expect(canTransition(ORDER_LIFECYCLE, 'CANCELLED', 'PAID', 'SYSTEM')).toBe(true);
    expect(canTransition(ORDER_LIFECYCLE, 'EXPIRED', 'PAID', 'BUYER')).toBe(false);
    expect(canTransition(ORDER_LIFECYCLE, 'CANCELLED', 'PAID', 'BUYER')).toBe(false);
  });

  it('never reopens, cancels or expires a closed order', () => {
    expect(isFinal(ORDER_LIFECYCLE, 'PAID')).toBe(true);
    expect(canTransition(ORDER_LIFECYCLE, 'PAID', 'CANCELLED', 'BUYER')).toBe(false);
    expect(canTransition(ORDER_LIFECYCLE, 'EXPIRED', 'RESERVED', 'SYSTEM')).toBe(false);
    expect(canTransition(ORDER_LIFECYCLE, 'CANCELLED', 'EXPIRED', 'SYSTEM')).toBe(false);
    expect(canTransition(ORDER_LIFECYCLE, 'EXPIRED', 'CANCELLED', 'BUYER')).toBe(false);
  });

  it('gives the sweep only reservations to expire', () => {
    expect(fromStatuses(ORDER_LIFECYCLE, 'EXPIRED', 'SYSTEM')).toEqual(['RESERVED']);
    expect(fromStatuses(ORDER_LIFECYCLE, 'PAID', 'SYSTEM')).toEqual(['RESERVED', 'EXPIRED', 'CANCELLED']);
  });
});
