// The buyer's figures, from their purchases: spend, refunds, return rate, effective CPL and cost per
// customer (docs/domain.md, Purchases and escrow: outcomes feed the buyer's cost per customer). Money in integer minor units.
// A refund counts against the purchase it returns (the cohort view), so a period's figures stay fixed
// once its disputes are decided.
import type { DisputeStatus, LeadOutcome } from '../../gql/graphql';
import type { MoneyValue } from '../../lib/format';
import { divideRounded, toMinor } from '../../lib/money';
import { startOfDay } from '../../lib/time-buckets';

export interface PurchaseFact {
  price: MoneyValue;
  purchasedAt: string;
  outcome: LeadOutcome;
  dispute?: { status: DisputeStatus; refund?: MoneyValue | null } | null;
}

export interface BuyerSummary {
  currencyCode: string;
  purchases: number;
  /** minor units */
  gross: number;
  refunds: number;
  net: number;
  acceptedDisputes: number;
  converted: number;
  /** accepted disputes / purchases; null without purchases */
  returnRate: number | null;
  /** net spend / purchases, minor units */
  effectiveCpl: number | null;
  /** net spend / converted purchases, minor units; null until something converted */
  costPerCustomer: number | null;
  outcomes: Record<LeadOutcome, number>;
}

/** What an accepted dispute gave back (the whole price when the API gives no amount), in minor units of `digits`. */
export function refundOf(purchase: PurchaseFact, digits: number): number {
  const d = purchase.dispute;
  if (!d || d.status !== 'ACCEPTED') return 0;
  return d.refund ? toMinor(d.refund, digits) : toMinor(purchase.price, digits);
}

/** `currencyCode` and `digits`: the platform's (lib/platform.tsx). */
export function summarizePurchases(purchases: readonly PurchaseFact[], currencyCode: string, digits: number): BuyerSummary {
  const outcomes: Record<LeadOutcome, number> = { NEW: 0, CONTACTED: 0, QUALIFIED: 0, CONVERTED: 0, LOST: 0 };
  let gross = 0;
  let refunds = 0;
  let acceptedDisputes = 0;
  for (const p of purchases) {
    gross += toMinor(p.price, digits);
    refunds += refundOf(p, digits);
    if (p.dispute?.status === 'ACCEPTED') acceptedDisputes += 1;
    outcomes[p.outcome] += 1;
  }
  const net = gross - refunds;
  const n = purchases.length;
  return {
    currencyCode: purchases[0]?.price.currencyCode ?? currencyCode,
    purchases: n,
    gross,
    refunds,
    net,
    acceptedDisputes,
    converted: outcomes.CONVERTED,
    returnRate: n ? acceptedDisputes / n : null,
    effectiveCpl: divideRounded(net, n),
    costPerCustomer: divideRounded(net, outcomes.CONVERTED),
    outcomes,
  };
}

export type Period = 'LAST_7_DAYS' | 'LAST_30_DAYS' | 'LAST_90_DAYS' | 'ALL';
export const PERIODS: readonly { value: Period; label: string; days: number | null }[] = [
  { value: 'LAST_7_DAYS', label: 'Last 7 days', days: 7 },
  { value: 'LAST_30_DAYS', label: 'Last 30 days', days: 30 },
  { value: 'LAST_90_DAYS', label: 'Last 90 days', days: 90 },
  { value: 'ALL', label: 'All time', days: null },
];

/** The first day of a period (local midnight); for ALL, the day of the first purchase (or 30 days back without any). */
export function periodStart(period: Period, now: Date, purchases: readonly { purchasedAt: string }[]): Date {
  const days = PERIODS.find((p) => p.value === period)?.days ?? null;
  const today = startOfDay(now);
  if (days !== null) return new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  const times = purchases.map((p) => new Date(p.purchasedAt).getTime()).filter(Number.isFinite);
  return times.length ? startOfDay(new Date(Math.min(...times))) : new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
}

export function purchasesSince<T extends { purchasedAt: string }>(purchases: readonly T[], from: Date): T[] {
  return purchases.filter((p) => new Date(p.purchasedAt).getTime() >= from.getTime());
}
