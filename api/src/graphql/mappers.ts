// Database rows to GraphQL objects: money as Decimal strings, enums as stored.
import type { SegmentDefinition } from '@leadex/core/domain/leads/lead.types';
import { formatDecimal } from '@leadex/core/domain/shared/money';

export function toMoney(amount: number, currency: string) {
  return { amount: formatDecimal(amount, currency), currencyCode: currency };
}

/** commission basis points as a fraction string: 2000 → "0.2" */
export function bpsToRate(bps: number): string {
  return String(bps / 10_000);
}

export function segmentView(s: SegmentDefinition) {
  return { ...s, commissionRate: bpsToRate(s.commissionBps) };
}
