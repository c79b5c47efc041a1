import { balanceReading, ledgerAccountName } from './ledger-account-labels';

describe('ledger account labels', () => {
  it('names an account by its kind and organisation', () => {
    expect(ledgerAccountName('SELLER_PAYABLE', 'Acme Leads')).toBe('Seller payable · Acme Leads');
    expect(ledgerAccountName('ESCROW', null)).toBe('Escrow');
  });

  it('reads a signed balance by the side it normally sits on', () => {
    expect(balanceReading('STRIPE_BALANCE', 'DEBIT', '12.00')).toBe('holds');
    expect(balanceReading('ESCROW', 'CREDIT', '-12.00')).toBe('owes');
    expect(balanceReading('REVENUE', 'CREDIT', '-3.00')).toBe('earned');
    expect(balanceReading('BUYER_WALLET', 'CREDIT', '0.00')).toBe('empty');
    expect(balanceReading('SELLER_PAYABLE', 'CREDIT', '5.00')).toBe('unusual');
  });
});
