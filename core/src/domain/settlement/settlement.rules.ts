// Settlement rules (docs/domain.md, Settlement): when a sale in escrow is due, how a partly refunded sale splits between
// the platform and the seller, and which sellers get a payout. mature-sales.ts and payouts.ts run the same
// rules set-based in SQL; test/integration/settlement-rules-sql.test.ts keeps both equal to the minor unit.
import type { PurchaseStatus } from '@leadex/db';
import { withinReturnWindow, refundableAmount } from '../disputes/dispute.rules';
import { PURCHASE_LIFECYCLE } from '../purchases/purchase.lifecycle';
import { fromStatuses } from '../shared/lifecycle';
import { money, type Money } from '../shared/money';

/** The purchase statuses settlement moves to SETTLED (ESCROW). */
export const SETTLEABLE_PURCHASE_STATUSES: readonly PurchaseStatus[] = fromStatuses(PURCHASE_LIFECYCLE, 'SETTLED', 'SYSTEM');

export interface SaleInEscrow {
  status: PurchaseStatus;
  purchasedAt: Date;
  /** the lead's segment's return window */
  returnWindowHours: number;
  /** a dispute about the sale waits for a decision */
  undecidedDispute: boolean;
  /** a refund of the sale is recorded but not yet booked */
  refundInFlight: boolean;
}

/**
 * A sale is due for settlement once its return window has closed (the moment a dispute is no longer taken),
 * while nothing can still take money out of it: no undecided dispute, no refund in flight.
 */
export function dueForSettlement(sale: SaleInEscrow, asOf: Date): boolean {
  return (
    SETTLEABLE_PURCHASE_STATUSES.includes(sale.status) &&
    !withinReturnWindow(sale.purchasedAt, sale.returnWindowHours, asOf) &&
    !sale.undecidedDispute &&
    !sale.refundInFlight
  );
}

/** round(n / d) half-up for n ≥ 0, d > 0, exactly (integers past 2^53 included), as PostgreSQL's numeric round(). */
function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

export interface SaleAmounts {
  price: Money;
  /** the commission taken at the sale, at the segment's rate then (pricing.rules.ts splitCommission) */
  commission: Money;
  refunded: Money;
}

/**
 * The commission on what is left of a sale after partial refunds: the sale's commission shrunk in proportion,
 * round(commission × (price − refunded) / price) half-up, so the platform keeps the rate of the sale and never
 * re-reads a segment's rate that changed since. Unrefunded sales keep their commission as it is.
 */
export function proportionalCommission(sale: SaleAmounts): Money {
  const { price, commission, refunded } = sale;
  if (commission.currency !== price.currency) throw new RangeError(`cannot combine ${price.currency} and ${commission.currency}`);
  if (commission.amount < 0 || commission.amount > price.amount) throw new RangeError(`commission ${commission.amount} is outside 0..${price.amount}`);
  const remaining = refundableAmount(price, refunded);
  if (refunded.amount === 0) return commission;
  const share = divideRoundHalfUp(BigInt(commission.amount) * BigInt(remaining.amount), BigInt(price.amount));
  return money(Number(share), price.currency);
}

export interface SettledSale {
  /** what leaves escrow: the price less refunds */
  amount: Money;
  /** to platform revenue */
  commission: Money;
  /** to the seller's payable; amount = commission + sellerNet */
  sellerNet: Money;
}

/** How a mature sale leaves escrow. */
export function settleSale(sale: SaleAmounts): SettledSale {
  const amount = refundableAmount(sale.price, sale.refunded);
  const commission = proportionalCommission(sale);
  return { amount, commission, sellerNet: money(amount.amount - commission.amount, amount.currency) };
}

export interface SellerForPayout {
  /** the seller's payable balance (what the platform owes them) */
  payable: Money;
  /** a connected Stripe account with payouts enabled */
  payoutsEnabled: boolean;
  suspended: boolean;
  /** a payout of theirs is recorded and not yet SENT or FAILED (payout.lifecycle.ts) */
  payoutInFlight: boolean;
}

/** The least payable that is paid out: the configured minimum, and never a payout of nothing (MIN_PAYOUT may be 0). */
export function payoutThreshold(minimum: Money): Money {
  return money(Math.max(minimum.amount, 1), minimum.currency);
}

/**
 * A seller gets a payout when their payable reached the minimum (and is more than nothing, whatever the minimum),
 * their connected account can receive it, they are not suspended, and no payout of theirs is in flight.
 */
export function payoutDue(seller: SellerForPayout, minimum: Money): boolean {
  if (seller.payable.currency !== minimum.currency) throw new RangeError(`cannot combine ${seller.payable.currency} and ${minimum.currency}`);
  return seller.payoutsEnabled && !seller.suspended && !seller.payoutInFlight && seller.payable.amount >= payoutThreshold(minimum).amount;
}
