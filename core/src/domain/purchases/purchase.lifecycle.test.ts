import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { OWNED_PURCHASE_STATUSES, PURCHASE_LIFECYCLE } from './purchase.lifecycle';

describe('purchase lifecycle', () => {
  it('moves money out of escrow only by the platform: settled, or refunded in full', () => {
    expect(canTransition(PURCHASE_LIFECYCLE, 'ESCROW', 'SETTLED', 'SYSTEM')).toBe(true);
    expect(canTransition(PURCHASE_LIFECYCLE, 'ESCROW', 'REFUNDED', 'SYSTEM')).toBe(true);
    expect(canTransition(PURCHASE_LIFECYCLE, 'ESCROW', 'REFUNDED', 'OPERATOR')).toBe(false);
    expect(canTransition(PURCHASE_LIFECYCLE, 'ESCROW', 'SETTLED', 'SELLER')).toBe(false);
  });

  it('never refunds a settled sale nor settles a refunded one', () => {
    expect(isFinal(PURCHASE_LIFECYCLE, 'SETTLED')).toBe(true);
    expect(isFinal(PURCHASE_LIFECYCLE, 'REFUNDED')).toBe(true);
    expect(fromStatuses(PURCHASE_LIFECYCLE, 'REFUNDED', 'SYSTEM')).toEqual(['ESCROW']);
    expect(fromStatuses(PURCHASE_LIFECYCLE, 'SETTLED', 'SYSTEM')).toEqual(['ESCROW']);
  });

  it('leaves the buyer the lead while it is paid and not refunded', () => {
    expect(OWNED_PURCHASE_STATUSES).toEqual(['ESCROW', 'SETTLED']);
  });
});
