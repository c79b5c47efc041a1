// Wallet movements in words: kind names, signed amounts ("+$250.00" / "−$48.20").
import type { WalletTransactionKind } from '../../gql/graphql';
import { formatMoney, type MoneyValue } from '../../lib/format';

export const WALLET_KIND_WORDS: Record<WalletTransactionKind, string> = {
  TOP_UP: 'Top-up',
  ORDER_PAYMENT: 'Order paid',
  CAMPAIGN_WIN: 'Campaign win',
  REFUND: 'Refund',
  CREDIT: 'Credit',
  OTHER: 'Adjustment',
};

/** "+$250.00" for money in, "−$48.20" (a true minus sign) for money spent. */
export function signedMoney(m: MoneyValue): string {
  const negative = m.amount.startsWith('-');
  const abs = { ...m, amount: negative ? m.amount.slice(1) : m.amount };
  return `${negative ? '−' : '+'}${formatMoney(abs)}`;
}

export function isMoneyIn(m: MoneyValue): boolean {
  return !m.amount.startsWith('-');
}
