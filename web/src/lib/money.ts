// Money sums for dashboards and form checks, in integer minor units (never floats): the API sends
// amounts as decimal strings ("12.50"); totals shown to users are summed here and formatted back.
// The minor-unit digits are the API's (the `platform` query, read once by lib/platform.tsx): every
// function takes them as an argument and guesses nothing.
import type { MoneyValue } from './format';

/** "12.5" → 1250 (2 digits); null when it is not a plain decimal or has more digits than the currency. */
export function parseAmount(amount: string, digits: number): number | null {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[2]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] ? -minor : minor;
}

/** 1250 → "12.50" (2 digits); -5 → "-0.05". */
export function formatAmount(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  if (digits === 0) return `${sign}${abs}`;
  const text = String(abs).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A minor-unit amount as the API's Money shape, in a currency of `digits` minor-unit digits. */
export function money(minor: number, currencyCode: string, digits: number): MoneyValue {
  return { amount: formatAmount(minor, digits), currencyCode };
}

/** A Money value in minor units (0 for an amount that does not parse, which the API never sends). */
export function toMinor(value: MoneyValue, digits: number): number {
  return parseAmount(value.amount, digits) ?? 0;
}

/** numerator / denominator rounded half away from zero to a whole minor unit; null when dividing by 0. */
export function divideRounded(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const a = Math.abs(numerator);
  const b = Math.abs(denominator);
  return sign * Math.floor((2 * a + b) / (2 * b));
}
