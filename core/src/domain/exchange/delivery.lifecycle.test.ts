import { DELIVERY_STATUSES } from '@leadex/db';
import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { ATTEMPTABLE, DELIVERY_LIFECYCLE } from './delivery.lifecycle';

describe('delivery lifecycle', () => {
  it('lets an attempt change only a pending delivery', () => {
    expect(ATTEMPTABLE).toEqual(['PENDING']);
    expect(fromStatuses(DELIVERY_LIFECYCLE, 'DELIVERED', 'SYSTEM')).toEqual(['PENDING']);
    expect(fromStatuses(DELIVERY_LIFECYCLE, 'FAILED', 'SYSTEM')).toEqual(['PENDING']);
    // a late failure never overwrites a concurrent success
    expect(canTransition(DELIVERY_LIFECYCLE, 'DELIVERED', 'FAILED', 'SYSTEM')).toBe(false);
  });

  it('cancels only what was not delivered, when the buyer retires the endpoint or an attempt finds it inactive', () => {
    expect(fromStatuses(DELIVERY_LIFECYCLE, 'CANCELLED', 'BUYER')).toEqual(['PENDING']);
    // a stale job also cancels a FAILED one whose endpoint is gone; a DELIVERED one stays delivered
    expect(fromStatuses(DELIVERY_LIFECYCLE, 'CANCELLED', 'SYSTEM')).toEqual(['PENDING', 'FAILED']);
  });

  it('lets the buyer send a delivered or failed one again, never a cancelled one', () => {
    expect(fromStatuses(DELIVERY_LIFECYCLE, 'PENDING', 'BUYER')).toEqual(['DELIVERED', 'FAILED']);
    expect(fromStatuses(DELIVERY_LIFECYCLE, 'PENDING', 'SYSTEM')).toEqual([]);
    expect(canTransition(DELIVERY_LIFECYCLE, 'CANCELLED', 'PENDING', 'BUYER')).toBe(false);
  });

  it('ends only in CANCELLED', () => {
    expect(DELIVERY_STATUSES.filter((s) => isFinal(DELIVERY_LIFECYCLE, s))).toEqual(['CANCELLED']);
  });
});
