// The platform's commission on a sale: the segment's rate, split off the price. Card orders
// (record-payment.ts) and campaign wins (exchange/allocate-lead.ts) both take it from here.
import { splitCommission } from '../pricing/pricing.rules';
import { money, type Money } from '../shared/money';

/**
 * 20% in basis points: the default rate in docs/domain.md (Pricing), and the `segments.commission_bps` column default. Applies
 * to a sale whose segment is missing from the catalog (removed since the lead was listed).
 */
export const DEFAULT_COMMISSION_BPS = 2000;

/** The rate of a sale in this segment; `segment` is undefined when the catalog no longer has it. */
export function commissionBpsOf(segment: { commissionBps: number } | undefined): number {
  return segment?.commissionBps ?? DEFAULT_COMMISSION_BPS;
}

export interface SaleSplit {
  commission: Money;
  sellerNet: Money;
}

/** commission = round(price × rate), seller net = price − commission, in the sale's currency. */
export function splitSale(price: Money, commissionBps: number): SaleSplit {
  const split = splitCommission(price.amount, commissionBps);
  return { commission: money(split.commission, price.currency), sellerNet: money(split.sellerNet, price.currency) };
}
