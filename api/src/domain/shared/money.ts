// Money: integer minor units with an ISO currency, and the rounding rules every price uses.

export interface Money {
  readonly amount: number; // minor units, a safe integer
  readonly currency: string;
}

/** Minor-unit digits per currency; everything not listed has 2. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, HUF: 2, IRR: 2, BHD: 3, KWD: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer, got ${amount}`);
  return { amount, currency };
}

/** Rounds half away from zero to a whole minor unit (half-up for the non-negative amounts prices are). */
export function roundHalfUp(value: number): number {
  // the epsilon absorbs binary noise such as 2.675 * 100 = 267.49999999999997
  const sign = value < 0 ? -1 : 1;
  return sign * Math.floor(Math.abs(value) + 0.5 + 1e-9);
}

/** "12.50" for 1250 USD; the `Decimal` string of the GraphQL API. */
export function formatDecimal(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const abs = Math.abs(amount).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? abs : abs.slice(0, -digits);
  const frac = digits === 0 ? '' : `.${abs.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** Parses a `Decimal` string into minor units; null when it is not a plain decimal or has too many digits. */
export function parseDecimal(text: string, currency: string): number | null {
  const match = /^(-)?(\d{1,13})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const digits = minorDigits(currency);
  const frac = match[3] ?? '';
  if (frac.length > digits) return null;
  const minor = Number(match[2]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] ? -minor : minor;
}
