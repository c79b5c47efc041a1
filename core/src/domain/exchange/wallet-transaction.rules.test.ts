import { describeWalletTransaction, eventReference, shortReference, walletTransactionKind } from './wallet-transaction.rules';

describe('wallet transactions in words', () => {
  it('names every ledger kind that moves a wallet, and anything else as an adjustment', () => {
    expect(['TOP_UP', 'WALLET_ORDER_PAYMENT', 'WALLET_PURCHASE', 'WALLET_REFUND', 'REPLACEMENT', 'SOMETHING_NEW'].map(walletTransactionKind)).toEqual([
      'TOP_UP',
      'ORDER_PAYMENT',
      'CAMPAIGN_WIN',
      'REFUND',
      'CREDIT',
      'OTHER',
    ]);
  });

  it('reads the referenced object from the event key', () => {
    expect(eventReference('wallet-payment:ord_01abc')).toBe('ord_01abc');
    expect(eventReference('refund:rfd_1')).toBe('rfd_1');
  });

  it('describes each kind without codes', () => {
    expect(describeWalletTransaction({ kind: 'TOP_UP' })).toBe('Top-up by card');
    expect(describeWalletTransaction({ kind: 'ORDER_PAYMENT', orderReference: shortReference('ord_01abc3f9k2q'), leadCount: 2 })).toBe(
      'Order #3F9K2Q paid from the wallet (2 leads)',
    );
    expect(describeWalletTransaction({ kind: 'CAMPAIGN_WIN', campaignName: 'Auto CA' })).toBe('Lead won by campaign “Auto CA”');
    expect(describeWalletTransaction({ kind: 'REFUND', returned: true })).toBe('Refund for a returned lead');
  });
});
