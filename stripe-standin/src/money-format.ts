// Minor units shown the way Stripe's messages and pages show them ($12.50, ¥500), and Stripe's charge limits.

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

export function formatMinorUnits(amount: number, currency: string): string {
  const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(amount / 10 ** digits);
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
