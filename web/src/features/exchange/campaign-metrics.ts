// How far a campaign has gone: spend against its budget and today's wins against its daily cap. Money in
// integer minor units (lib/money.ts); pure, for the campaign list and its tests.
import type { MoneyValue } from '../../lib/format';
import { money, toMinor } from '../../lib/money';

export interface BudgetProgress {
  spent: MoneyValue;
  /** null: no budget (the campaign spends until paused, within the wallet) */
  budget: MoneyValue | null;
  left: MoneyValue | null;
  /** 0–100, for a <progress max=100>; null without a budget */
  percent: number | null;
  exhausted: boolean;
}

/** Share of `total` that `part` is, 0–100, rounded down (99.6% is not yet "100%"), capped at 100. */
export function percentOf(part: number, total: number): number {
  if (total <= 0) return part > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, Math.floor((part * 100) / total)));
}

/** `digits`: the platform's minor-unit digits. */
export function budgetProgress(spent: MoneyValue, budget: MoneyValue | null | undefined, digits: number): BudgetProgress {
  if (!budget) return { spent, budget: null, left: null, percent: null, exhausted: false };
  const spentMinor = toMinor(spent, digits);
  const budgetMinor = toMinor(budget, digits);
  const leftMinor = Math.max(0, budgetMinor - spentMinor);
  return { spent, budget, left: money(leftMinor, budget.currencyCode, digits), percent: percentOf(spentMinor, budgetMinor), exhausted: leftMinor === 0 };
}

export interface CapProgress {
  won: number;
  cap: number | null;
  percent: number | null;
  reached: boolean;
}

export function capProgress(wonToday: number, dailyCap: number | null | undefined): CapProgress {
  if (dailyCap == null) return { won: wonToday, cap: null, percent: null, reached: false };
  return { won: wonToday, cap: dailyCap, percent: percentOf(wonToday, dailyCap), reached: wonToday >= dailyCap };
}

/** Why an active campaign is not bidding right now, if the numbers say so (the schedule is checked by the API). */
export function idleReason(
  c: { active: boolean; spent: MoneyValue; budget?: MoneyValue | null; wonToday: number; dailyCap?: number | null },
  wallet: MoneyValue | null,
  digits: number,
): string | null {
  if (!c.active) return 'Paused: it does not bid.';
  if (budgetProgress(c.spent, c.budget, digits).exhausted) return 'Budget spent: raise the budget to bid again.';
  if (capProgress(c.wonToday, c.dailyCap).reached) return 'Daily cap reached: it bids again after midnight in its time zone.';
  if (wallet && toMinor(wallet, digits) <= 0) return 'Your wallet is empty: top it up so the campaign can bid.';
  return null;
}
