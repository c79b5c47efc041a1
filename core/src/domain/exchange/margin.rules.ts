// The platform's margin on exchange sales, pure (docs/domain.md, Exchange: margin): per segment, none, a fixed amount
// or a percentage, carved from the buyer's price before the seller's share is computed.
import { splitCommission } from '../pricing/pricing.rules';
import { roundToStep } from '../shared/money';
import { MARGIN_KINDS, type MarginKind, type MarginPolicy } from './distribution.types';

export { MARGIN_KINDS, type MarginKind, type MarginPolicy };

export const NO_MARGIN: MarginPolicy = { kind: 'NONE', value: 0 };

/** The most a PERCENT margin can be: 100%. */
export const MAX_MARGIN_BPS = 10_000;

/**
 * The margin on a buyer price P: FIXED min(value, P); PERCENT round(P × bps / 10 000) half-up to the charge step,
 * never above P; NONE 0.
 */
export function marginOn(price: number, policy: MarginPolicy, step = 1): number {
  switch (policy.kind) {
    case 'NONE':
      return 0;
    case 'FIXED':
      return Math.min(Math.max(0, policy.value), price);
    case 'PERCENT':
      return Math.min(roundToStep((price * policy.value) / 10_000, step), price);
  }
}

export interface ExchangeSaleSplit {
  /** the buyer price P: what the buyer pays and escrow holds */
  price: number;
  /** M, the platform's margin */
  margin: number;
  /** what the platform keeps: M + round((P − M) × segment commission) */
  commission: number;
  /** the seller's share: (P − M) − round((P − M) × segment commission) */
  sellerNet: number;
}

/**
 * An exchange sale's split: the margin M comes off the buyer price P first, the segment's commission is taken from the
 * rest (splitCommission, half-up), and the seller gets what is left. The purchase's commission is everything the
 * platform keeps (margin included), so commission + sellerNet = P as for every sale, and settlement stays as it is.
 */
export function splitExchangeSale(price: number, commissionBps: number, policy: MarginPolicy, step = 1): ExchangeSaleSplit {
  const margin = marginOn(price, policy, step);
  const rest = splitCommission(price - margin, commissionBps);
  return { price, margin, commission: margin + rest.commission, sellerNet: rest.sellerNet };
}

/** A stored margin, or none for a kind it does not know. */
export function marginPolicyOf(kind: string | null | undefined, value: number | null | undefined): MarginPolicy {
  return (MARGIN_KINDS as readonly string[]).includes(kind ?? '') ? { kind: kind as MarginKind, value: value ?? 0 } : NO_MARGIN;
}
