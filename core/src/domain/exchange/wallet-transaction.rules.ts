// A wallet's ledger entries as the buyer reads them: what kind of money movement, in words, from the entry's kind.

export type WalletTransactionKind = 'TOP_UP' | 'ORDER_PAYMENT' | 'CAMPAIGN_WIN' | 'REFUND' | 'CREDIT' | 'OTHER';

/** The ledger kinds that move a buyer's wallet (post-transaction.ts callers) and what each is to the buyer. */
const BY_LEDGER_KIND: Record<string, WalletTransactionKind> = {
  TOP_UP: 'TOP_UP',
  WALLET_ORDER_PAYMENT: 'ORDER_PAYMENT',
  WALLET_PURCHASE: 'CAMPAIGN_WIN',
  WALLET_REFUND: 'REFUND',
  // an accepted return answered with a cheaper replacement lead: the difference comes back to the wallet
  REPLACEMENT: 'CREDIT',
};

export function walletTransactionKind(ledgerKind: string): WalletTransactionKind {
  return BY_LEDGER_KIND[ledgerKind] ?? 'OTHER';
}

/** The business object an entry's event key names (`top-up:top_…`, `wallet-payment:ord_…`, `campaign-sale:pur_…`). */
export function eventReference(eventKey: string): string {
  const at = eventKey.indexOf(':');
  return at < 0 ? eventKey : eventKey.slice(at + 1);
}

export interface WalletTransactionFacts {
  kind: WalletTransactionKind;
  orderReference?: string | null;
  campaignName?: string | null;
  leadCount?: number | null;
  /** a refund after an accepted return (dispute) */
  returned?: boolean;
}

/** One line in words: "Top-up by card", "Order #3F9K2Q paid from the wallet (2 leads)", "Won by campaign “Auto CA”". */
export function describeWalletTransaction(f: WalletTransactionFacts): string {
  switch (f.kind) {
    case 'TOP_UP':
      return 'Top-up by card';
    case 'ORDER_PAYMENT': {
      const leads = f.leadCount == null ? '' : f.leadCount === 1 ? ' (1 lead)' : ` (${f.leadCount} leads)`;
      return `Order ${f.orderReference ?? ''} paid from the wallet${leads}`.replace('Order  ', 'Order ');
    }
    case 'CAMPAIGN_WIN':
      return f.campaignName ? `Lead won by campaign “${f.campaignName}”` : 'Lead won by a campaign';
    case 'REFUND':
      return f.returned ? 'Refund for a returned lead' : 'Refund';
    case 'CREDIT':
      return 'Credit: the difference after a replacement lead';
    case 'OTHER':
      return 'Wallet adjustment';
  }
}

/** A short reference for people, from the end of an id (as the web app shows orders). */
export function shortReference(id: string): string {
  return `#${id.slice(-6).toUpperCase()}`;
}
