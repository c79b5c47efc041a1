// Wallet top-ups: the amount check, and what the page says when Stripe Checkout sends the buyer back
// (`/wallet?topped_up=1&session=…`) while Stripe's webhook has not necessarily credited the wallet yet.
import { formatAmount, parseAmount } from '../../lib/money';

/** The API's bounds for one top-up, in whole currency units (wallet.service.ts). */
export const MIN_TOP_UP_UNITS = 1;
export const MAX_TOP_UP_UNITS = 1_000_000;

/** "50" → { amount: "50.00" } (2 digits: the platform's); an error message when it is out of bounds or not an amount. */
export function checkTopUpAmount(text: string, digits: number): { amount: string; minor: number } | { error: string } {
  const cleaned = text
    .trim()
    .replace(/\s/g, '')
    .replace(/^(\d+),(\d+)$/, '$1.$2');
  const minor = /^\d{1,10}(\.\d+)?$/.test(cleaned) ? parseAmount(cleaned, digits) : null;
  const unit = 10 ** digits;
  const bounds = `from ${formatAmount(MIN_TOP_UP_UNITS * unit, digits)} to ${formatAmount(MAX_TOP_UP_UNITS * unit, digits)}`;
  if (minor == null) return { error: `An amount like ${formatAmount(100 * unit, digits)}, ${bounds}.` };
  if (minor < MIN_TOP_UP_UNITS * unit || minor > MAX_TOP_UP_UNITS * unit) return { error: `Top up ${bounds}.` };
  return { amount: formatAmount(minor, digits), minor };
}

/** What the page remembers across the trip to Stripe (sessionStorage): how much, and the balance before. */
export interface PendingTopUp {
  amountMinor: number;
  beforeMinor: number;
}

const STORAGE_KEY = 'leadex.pendingTopUp';

export function rememberTopUp(pending: PendingTopUp, storage: Pick<Storage, 'setItem'> | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(pending));
  } catch {
    // private mode or storage full: the page falls back to watching the balance rise
  }
}

export function recallTopUp(storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): PendingTopUp | null {
  try {
    const raw = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<PendingTopUp> | null;
    return raw && Number.isSafeInteger(raw.amountMinor) && Number.isSafeInteger(raw.beforeMinor)
      ? { amountMinor: raw.amountMinor!, beforeMinor: raw.beforeMinor! }
      : null;
  } catch {
    return null;
  }
}

export function forgetTopUp(storage: Pick<Storage, 'removeItem'> | undefined = globalThis.sessionStorage): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // nothing to forget
  }
}

export type TopUpPhase = 'confirming' | 'confirmed' | 'unconfirmed';

/**
 * Back from Checkout: confirmed once the balance holds the top-up (the balance before plus the amount), or
 * has risen since the page first saw it; after `maxPolls` reloads without that, unconfirmed (not failed:
 * Stripe's webhook may still come).
 */
export function topUpPhase(p: { pending: PendingTopUp | null; firstSeenMinor: number; currentMinor: number; polls: number; maxPolls: number }): TopUpPhase {
  const credited = (p.pending != null && p.currentMinor >= p.pending.beforeMinor + p.pending.amountMinor) || p.currentMinor > p.firstSeenMinor;
  if (credited) return 'confirmed';
  return p.polls >= p.maxPolls ? 'unconfirmed' : 'confirming';
}
