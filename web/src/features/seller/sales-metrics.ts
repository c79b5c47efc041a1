// The seller's sales dashboard: totals and breakdowns by segment, geography (country) and source
// channel, with the return rate (sales whose dispute was accepted). Money in integer minor units.
import type { DisputeStatus } from '../../gql/graphql';
import type { MoneyValue } from '../../lib/format';
import { toMinor } from '../../lib/money';

export interface SaleFact {
  price: MoneyValue;
  commission: MoneyValue;
  sellerNet: MoneyValue;
  refunded: MoneyValue;
  disputeStatus?: DisputeStatus | null;
  lead: { segment: string; country: string; sourceChannel: string };
}

export interface SalesGroup {
  key: string;
  sales: number;
  gross: number;
  commission: number;
  net: number;
  refunded: number;
  /** sales whose dispute was accepted */
  returns: number;
  returnRate: number | null;
}

export type SalesDimension = 'segment' | 'country' | 'sourceChannel';

/** `digits`: the platform's minor-unit digits. */
export function summarizeSales(sales: readonly SaleFact[], digits: number, key = 'all'): SalesGroup {
  let gross = 0;
  let commission = 0;
  let net = 0;
  let refunded = 0;
  let returns = 0;
  for (const s of sales) {
    gross += toMinor(s.price, digits);
    commission += toMinor(s.commission, digits);
    net += toMinor(s.sellerNet, digits);
    refunded += toMinor(s.refunded, digits);
    if (s.disputeStatus === 'ACCEPTED') returns += 1;
  }
  return { key, sales: sales.length, gross, commission, net, refunded, returns, returnRate: sales.length ? returns / sales.length : null };
}

/** One group per value of the dimension, biggest revenue first (then by name, so the order is stable). */
export function salesBy(sales: readonly SaleFact[], dimension: SalesDimension, digits: number): SalesGroup[] {
  const groups = new Map<string, SaleFact[]>();
  for (const s of sales) {
    const key = s.lead[dimension];
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()].map(([key, items]) => summarizeSales(items, digits, key)).sort((a, b) => b.gross - a.gross || a.key.localeCompare(b.key));
}
