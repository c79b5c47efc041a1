// Ledger accounts in words: what each kind of account is, and how to read the sign of its balance.
import type { LedgerAccountKind, NormalBalance } from '../../gql/graphql';

export const LEDGER_ACCOUNT_KIND_LABELS: Record<LedgerAccountKind, { label: string; meaning: string }> = {
  STRIPE_BALANCE: { label: 'Stripe balance', meaning: 'money received through Stripe and not yet paid out: an asset, normally positive' },
  ESCROW: { label: 'Escrow', meaning: 'buyers’ payments for sales still inside the return window: owed, normally negative' },
  REVENUE: { label: 'Platform revenue', meaning: 'commission and margin the platform has earned: normally negative' },
  UNAPPLIED_PAYMENTS: { label: 'Unapplied payments', meaning: 'money received for nothing the buyer could get, until refunded: owed, normally negative' },
  SELLER_PAYABLE: { label: 'Seller payable', meaning: 'matured sales owed to the seller until paid out: normally negative' },
  BUYER_WALLET: { label: 'Buyer wallet', meaning: 'a buyer’s prepaid money, spent by its campaigns and orders: owed, normally negative' },
  OTHER: { label: 'Other account', meaning: 'an account of no known kind' },
};

/** "Seller payable · Acme Leads", "Escrow". */
export function ledgerAccountName(kind: LedgerAccountKind, organizationName: string | null | undefined): string {
  const { label } = LEDGER_ACCOUNT_KIND_LABELS[kind];
  return organizationName ? `${label} · ${organizationName}` : label;
}

/** How the signed balance reads: a credit-normal account at −12.00 "owes 12.00" (revenue: "earned"); a debit-normal one at 12.00 "holds 12.00". */
export function balanceReading(kind: LedgerAccountKind, normalBalance: NormalBalance, amount: string): 'holds' | 'owes' | 'earned' | 'empty' | 'unusual' {
  const n = Number(amount);
  if (n === 0) return 'empty';
  if (normalBalance === 'DEBIT') return n > 0 ? 'holds' : 'unusual';
  if (n > 0) return 'unusual';
  return kind === 'REVENUE' ? 'earned' : 'owes';
}
