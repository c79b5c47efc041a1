// Which ISO 4217 currency a deployment may run in: its minor units must be the units Stripe counts amounts in.
import { STRIPE_THREE_DECIMAL, isoCurrency } from '../shared/money';

export { STRIPE_THREE_DECIMAL };

// The app sends Stripe the integer minor units it stores (unit_amount, refund and transfer amounts), so the
// ISO 4217 digits of PLATFORM_CURRENCY must equal the decimals Stripe uses for that currency's amounts.

/** Stripe's zero-decimal currencies: an amount is whole units (¥500 is 500). */
export const STRIPE_ZERO_DECIMAL: ReadonlySet<string> = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

// ISO codes that are no currency a buyer pays in: metals, SDR, bond units, testing, "no currency" (minor
// units N.A., which the ISO table gives as 0 digits), and the fund codes
const NOT_CHARGEABLE: ReadonlySet<string> = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
]);

// Stripe's special cases where its amount is not the ISO minor unit: ISK and UGX are sent as two-decimal
// (×100, divisible by 100) although ISO 4217 gives them no minor unit. The product stores ISO minor units
// and has no conversion at the Stripe boundary, so it refuses them rather than charge 1/100 of a price.
const STRIPE_SPECIAL: Readonly<Record<string, string>> = {
  ISK: 'Stripe counts ISK amounts in hundredths (an amount divisible by 100) although ISO 4217 gives ISK no minor unit',
  UGX: 'Stripe has special rules for UGX amounts (two-decimal, divisible by 100) that differ from its ISO 4217 minor unit (none)',
};

/**
 * Why a deployment cannot run in `currency`, or null when it can: an ISO 4217 currency whose minor unit is
 * the unit Stripe counts its amounts in. HUF and TWD are accepted: Stripe charges them in two decimals (their
 * ISO unit); only manual payouts, which the product does not make, must be whole units there.
 */
export function platformCurrencyProblem(currency: string): string | null {
  const iso = isoCurrency(currency);
  if (!iso) return `${JSON.stringify(currency)} is not an ISO 4217 currency code (three upper-case letters, e.g. USD, EUR, JPY)`;
  if (NOT_CHARGEABLE.has(currency)) return `${currency} is an ISO 4217 fund, metal or testing code, not a currency buyers can pay in`;
  const special = STRIPE_SPECIAL[currency];
  if (special) return `${currency} is not supported: ${special}`;
  const stripeDigits = STRIPE_ZERO_DECIMAL.has(currency) ? 0 : STRIPE_THREE_DECIMAL.has(currency) ? 3 : 2;
  if (iso.digits === stripeDigits) return null;
  const isoText = `ISO 4217 gives ${currency} ${iso.digits} decimal place${iso.digits === 1 ? '' : 's'}`;
  if (iso.digits === 3)
    return `${currency} is not supported: ${isoText}, but Stripe charges three-decimal amounts only in ${[...STRIPE_THREE_DECIMAL].join(', ')}`;
  return `${currency} is not supported: ${isoText}, but Stripe counts its amounts in ${stripeDigits === 0 ? 'whole units (a zero-decimal currency)' : `${stripeDigits} decimal places`}`;
}
