// Minor units shown the way Stripe's messages and pages show them ($12.50, ¥500, 12.340 TND), and Stripe's charge limits.
import { STRIPE_THREE_DECIMAL, STRIPE_ZERO_DECIMAL } from '@leadex/core/domain/platform/platform-currency.rules';
import { chargeStep as platformChargeStep } from '@leadex/core/domain/shared/money';

/** Decimals of a Stripe amount in a (lower-case) currency: 0 for zero-decimal, 3 for three-decimal, else 2. */
export function stripeDecimals(currency: string): number {
  const code = currency.toUpperCase();
  return STRIPE_ZERO_DECIMAL.has(code) ? 0 : STRIPE_THREE_DECIMAL.has(code) ? 3 : 2;
}

/** The step a charge amount must be a multiple of: 10 in three-decimal currencies (last digit 0), else 1. */
export function chargeStep(currency: string): number {
  return platformChargeStep(currency.toUpperCase());
}

export function formatMinorUnits(amount: number, currency: string): string {
  const digits = stripeDecimals(currency);
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount / 10 ** digits);
  } catch {
    return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

// Stripe's minimum charge amounts for a few settlement currencies; others use 50 minor units
const MINIMUM_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50, jpy: 50, dkk: 250, nok: 300, sek: 300, pln: 200 };
export const MAXIMUM_CHARGE = 99_999_999;

export function minimumCharge(currency: string): number {
  return MINIMUM_CHARGE[currency] ?? 50;
}
