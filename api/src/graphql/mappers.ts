// Database rows to GraphQL objects: money as Decimal strings, enums as stored.
import { formatDecimal } from '@leadex/core/domain/shared/money';

export function toMoney(amount: number, currency: string) {
  return { amount: formatDecimal(amount, currency), currencyCode: currency };
}

/** commission basis points as a fraction string: 2000 → "0.2" */
export function bpsToRate(bps: number): string {
  return String(bps / 10_000);
}
