import { describeLedgerAccount } from './ledger-account-names.rules';

describe('ledger account names', () => {
  it('names the platform accounts with the side their balance normally sits on', () => {
    expect(describeLedgerAccount('platform:stripe_balance')).toEqual({ kind: 'STRIPE_BALANCE', organizationId: null, normalBalance: 'DEBIT' });
    expect(describeLedgerAccount('platform:escrow')).toEqual({ kind: 'ESCROW', organizationId: null, normalBalance: 'CREDIT' });
    expect(describeLedgerAccount('platform:revenue')).toMatchObject({ kind: 'REVENUE', normalBalance: 'CREDIT' });
    expect(describeLedgerAccount('platform:unapplied_payments')).toMatchObject({ kind: 'UNAPPLIED_PAYMENTS' });
  });

  it('reads the organisation out of a seller payable and a buyer wallet', () => {
    expect(describeLedgerAccount('seller:org_1:payable')).toEqual({ kind: 'SELLER_PAYABLE', organizationId: 'org_1', normalBalance: 'CREDIT' });
    expect(describeLedgerAccount('buyer:org_2:wallet')).toEqual({ kind: 'BUYER_WALLET', organizationId: 'org_2', normalBalance: 'CREDIT' });
  });

  it('calls anything else OTHER instead of guessing', () => {
    expect(describeLedgerAccount('seller::payable').kind).toBe('OTHER');
    expect(describeLedgerAccount('buyer:org_2:payable').kind).toBe('OTHER');
    expect(describeLedgerAccount('platform:new').kind).toBe('OTHER');
  });
});
