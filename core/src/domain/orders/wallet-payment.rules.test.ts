import { walletPaymentRefusal, type WalletPaymentFacts } from './wallet-payment.rules';

const now = new Date('2026-12-03T12:00:00Z');
const reserved: WalletPaymentFacts = { status: 'RESERVED', expiresAt: new Date('2026-12-03T12:10:00Z'), total: 5000, paid: false, balance: 5000 };

describe('paying an order from the wallet', () => {
  it('allows a reserved, unexpired order the balance covers exactly', () => {
    expect(walletPaymentRefusal(reserved, now)).toBeNull();
  });

  it('refuses one minor unit short of the total', () => {
    expect(walletPaymentRefusal({ ...reserved, balance: 4999 }, now)?.code).toBe('INSUFFICIENT_FUNDS');
  });

  it('refuses a hold that ends now, even before the sweep marks it expired', () => {
    expect(walletPaymentRefusal({ ...reserved, expiresAt: now }, now)?.code).toBe('ORDER_HOLD_EXPIRED');
    expect(walletPaymentRefusal({ ...reserved, status: 'EXPIRED' }, now)?.code).toBe('ORDER_HOLD_EXPIRED');
  });

  it('refuses a paid order before looking at the balance', () => {
    expect(walletPaymentRefusal({ ...reserved, status: 'PAID', balance: 0 }, now)?.code).toBe('ORDER_ALREADY_PAID');
    expect(walletPaymentRefusal({ ...reserved, paid: true }, now)?.code).toBe('ORDER_ALREADY_PAID');
  });

  it('refuses a cancelled order', () => {
    expect(walletPaymentRefusal({ ...reserved, status: 'CANCELLED' }, now)?.code).toBe('ORDER_NOT_PAYABLE');
  });
});
