// The platform's Stripe balance, kept as balance transactions: payments in, refunds and transfers out,
// transfer reversals back in. No processing fees, and funds are available at once (Stripe holds them
// pending for days) so that transfers can follow payments in a test.
import { newStripeId } from './stripe-ids';
import type { BalanceTransactionObject, BalanceTransactionType } from './standin-objects';
import { unixSeconds, type StandinContext } from './standin-state';

const REPORTING_CATEGORY: Record<BalanceTransactionType, string> = {
  charge: 'charge',
  refund: 'refund',
  transfer: 'transfer',
  transfer_refund: 'transfer_reversal',
};

/** Books `amount` (signed: negative leaves the balance) and returns the `txn_…` id. */
export function bookBalanceTransaction(
  ctx: StandinContext,
  entry: { type: BalanceTransactionType; amount: number; currency: string; source: string; description?: string },
): string {
  const created = unixSeconds(ctx.now());
  const txn: BalanceTransactionObject = {
    id: newStripeId('txn'),
    object: 'balance_transaction',
    amount: entry.amount,
    available_on: created,
    created,
    currency: entry.currency,
    description: entry.description ?? null,
    fee: 0,
    fee_details: [],
    net: entry.amount,
    reporting_category: REPORTING_CATEGORY[entry.type],
    source: entry.source,
    status: 'available',
    type: entry.type,
  };
  ctx.state.balanceTransactions.set(txn.id, txn);
  return txn.id;
}

export function availableBalance(ctx: StandinContext, currency: string): number {
  let sum = 0;
  for (const txn of ctx.state.balanceTransactions.values()) if (txn.currency === currency) sum += txn.net;
  return sum;
}

export interface BalanceObject {
  object: 'balance';
  available: { amount: number; currency: string; source_types: { card: number } }[];
  pending: { amount: number; currency: string; source_types: { card: number } }[];
  livemode: false;
}

export function getBalance(ctx: StandinContext, defaultCurrency = 'usd'): BalanceObject {
  const byCurrency = new Map<string, number>();
  for (const txn of ctx.state.balanceTransactions.values()) byCurrency.set(txn.currency, (byCurrency.get(txn.currency) ?? 0) + txn.net);
  if (byCurrency.size === 0) byCurrency.set(defaultCurrency, 0);
  const currencies = [...byCurrency.keys()].sort();
  return {
    object: 'balance',
    available: currencies.map((currency) => ({ amount: byCurrency.get(currency)!, currency, source_types: { card: byCurrency.get(currency)! } })),
    pending: currencies.map((currency) => ({ amount: 0, currency, source_types: { card: 0 } })),
    livemode: false,
  };
}
