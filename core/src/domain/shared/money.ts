// Money: integer minor units with an ISO currency, and the rounding rules every price uses.
import currencyCodes from 'currency-codes';
import { badInput, type FieldError } from './domain-error';

export interface Money {
  readonly amount: number; // minor units, a safe integer
  readonly currency: string;
}

/** The ISO 4217 record of an upper-case currency code; undefined for anything else (lower case included). */
export function isoCurrency(currency: string): { code: string; digits: number } | undefined {
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  const record = currencyCodes.code(currency);
  return record ? { code: record.code, digits: record.digits } : undefined;
}

/**
 * Minor-unit digits of a currency from ISO 4217 (USD 2, JPY 0, TND 3): the one table the API, the web app
 * (through the `platform` query) and the Stripe amounts share. An unknown code is a programming error here:
 * PLATFORM_CURRENCY is checked at config load (domain/platform/platform-currency.rules.ts).
 */
export function minorDigits(currency: string): number {
  const record = isoCurrency(currency);
  if (!record) throw new RangeError(`not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  return record.digits;
}

/** Stripe's three-decimal currencies: an amount is thousandths, and a charge's last digit must be 0. */
export const STRIPE_THREE_DECIMAL: ReadonlySet<string> = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/**
 * The step, in minor units, every amount the platform charges is a multiple of: 10 in Stripe's three-decimal
 * currencies (it refuses a charge there whose last digit is not 0, so 12.345 TND cannot be charged), 1 elsewhere.
 */
export function chargeStep(currency: string): number {
  return STRIPE_THREE_DECIMAL.has(currency) ? 10 : 1;
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

/** Rounds minor units (a product, maybe fractional) half-up to a multiple of `step`: 12345 → 12350 in steps of 10. */
export function roundToStep(value: number, step: number): number {
  return step === 1 ? roundHalfUp(value) : roundHalfUp(value / step) * step;
}

/** "12.50" for 1250 USD; the `Decimal` string of the GraphQL API. */
export function formatDecimal(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const abs = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
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

/**
 * Inclusive bounds in minor units for an amount a user types; default: from 0 to MAX_MONEY_MAJOR. `step`: the
 * amount must be a multiple of it (`chargeStep(currency)` for an amount that is charged or bid), default 1.
 */
export interface MoneyBounds {
  min?: number;
  max?: number;
  step?: number;
}

// far above any price, bid, budget or top-up the platform takes, and a safe integer in every currency
export const MAX_MONEY_MAJOR = 10_000_000;

function problemWith(text: string, currency: string, bounds: MoneyBounds): string | null {
  const digits = minorDigits(currency);
  const example = digits === 0 ? '12' : `12.${'50'.padEnd(digits, '0').slice(0, digits)}`;
  const match = /^-?\d+(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return `must be a decimal amount like "${example}"`;
  if ((match[1] ?? '').length > digits) {
    return digits === 0
      ? `must be a whole amount for ${currency} (no decimal places)`
      : `at most ${digits} decimal place${digits === 1 ? '' : 's'} for ${currency}`;
  }
  const minor = parseDecimal(text, currency);
  const min = bounds.min ?? 0;
  const max = bounds.max ?? MAX_MONEY_MAJOR * 10 ** digits;
  if (minor == null || minor > max) return `at most ${formatDecimal(max, currency)} ${currency}`;
  if (minor < min)
    return min === 0
      ? 'must not be negative'
      : min === 1
        ? `must be more than ${formatDecimal(0, currency)} ${currency}`
        : `at least ${formatDecimal(min, currency)} ${currency}`;
  const step = bounds.step ?? 1;
  if (minor % step !== 0) return `must be a multiple of ${formatDecimal(step, currency)} ${currency}`;
  return null;
}

/** The field errors of an amount a user typed: [] when it has the currency's digits and lies within the bounds. */
export function moneyInputErrors(text: string, currency: string, path: string, bounds: MoneyBounds = {}): FieldError[] {
  const message = problemWith(text, currency, bounds);
  return message ? [{ path, message }] : [];
}

/**
 * Parses an amount a user typed into minor units. Never rounds or drops it: too many fractional digits for the
 * currency, or an amount out of bounds, is a BAD_USER_INPUT naming `path`.
 */
export function parseMoneyInput(text: string, currency: string, path: string, bounds: MoneyBounds = {}): number {
  const errors = moneyInputErrors(text, currency, path, bounds);
  if (errors.length) throw badInput(errors);
  return parseDecimal(text, currency)!;
}

/** parseMoneyInput for callers that report per item: null instead of throwing. */
export function moneyInputOrNull(text: string, currency: string, bounds: MoneyBounds = {}): number | null {
  return problemWith(text, currency, bounds) ? null : parseDecimal(text, currency);
}
