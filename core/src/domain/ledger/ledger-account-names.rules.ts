// What a ledger account is, in words: its kind, the organisation it belongs to, and on which side its balance
// normally sits. Postings are signed (debits positive, credits negative, ledger-accounts.ts), so an asset
// such as the Stripe balance is normally positive and what the platform owes (escrow, wallets, payables) or
// has earned (revenue) is normally negative.
import { PLATFORM_ESCROW, PLATFORM_REVENUE, PLATFORM_STRIPE_BALANCE, PLATFORM_UNAPPLIED } from './ledger-accounts';

export const LEDGER_ACCOUNT_KINDS = ['STRIPE_BALANCE', 'ESCROW', 'REVENUE', 'UNAPPLIED_PAYMENTS', 'SELLER_PAYABLE', 'BUYER_WALLET', 'OTHER'] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];
/** DEBIT: normally positive (something the platform has); CREDIT: normally negative (something it owes or earned). */
export type NormalBalance = 'DEBIT' | 'CREDIT';

export interface LedgerAccountName {
  kind: LedgerAccountKind;
  organizationId: string | null;
  normalBalance: NormalBalance;
}

const PLATFORM: Record<string, LedgerAccountName> = {
  [PLATFORM_STRIPE_BALANCE]: { kind: 'STRIPE_BALANCE', organizationId: null, normalBalance: 'DEBIT' },
  [PLATFORM_ESCROW]: { kind: 'ESCROW', organizationId: null, normalBalance: 'CREDIT' },
  [PLATFORM_REVENUE]: { kind: 'REVENUE', organizationId: null, normalBalance: 'CREDIT' },
  [PLATFORM_UNAPPLIED]: { kind: 'UNAPPLIED_PAYMENTS', organizationId: null, normalBalance: 'CREDIT' },
};

export function describeLedgerAccount(account: string): LedgerAccountName {
  const platform = PLATFORM[account];
  if (platform) return platform;
  const parts = account.split(':');
  if (parts.length === 3 && parts[1]) {
    if (parts[0] === 'seller' && parts[2] === 'payable') return { kind: 'SELLER_PAYABLE', organizationId: parts[1], normalBalance: 'CREDIT' };
    if (parts[0] === 'buyer' && parts[2] === 'wallet') return { kind: 'BUYER_WALLET', organizationId: parts[1], normalBalance: 'CREDIT' };
  }
  return { kind: 'OTHER', organizationId: null, normalBalance: 'DEBIT' };
}
