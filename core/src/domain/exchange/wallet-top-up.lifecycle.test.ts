import { canTransition, fromStatuses, isFinal } from '../shared/lifecycle';
import { WALLET_TOP_UP_LIFECYCLE } from './wallet-top-up.lifecycle';

describe('wallet top-up lifecycle', () => {
  it('is paid once, by the payment webhook', () => {
    expect(fromStatuses(WALLET_TOP_UP_LIFECYCLE, 'PAID', 'SYSTEM')).toEqual(['PENDING']);
    expect(canTransition(WALLET_TOP_UP_LIFECYCLE, 'PENDING', 'PAID', 'BUYER')).toBe(false);
    expect(canTransition(WALLET_TOP_UP_LIFECYCLE, 'PAID', 'PAID', 'SYSTEM')).toBe(false);
    expect(isFinal(WALLET_TOP_UP_LIFECYCLE, 'PAID')).toBe(true);
  });
});
