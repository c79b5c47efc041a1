// Pure helpers of the operator's pricing editors: grid cells, changed entries, percent ⇄ rate.
import type { GeoTier, PriceGridEntryInput } from '../../gql/graphql';
import { fieldKeyOfPath, type ApiError } from '../../lib/api-errors';

export interface GridRowKey {
  segment: string;
  subsegment: string | null;
}

export function cellKey(segment: string, subsegment: string | null, tier: GeoTier): string {
  return `${segment}|${subsegment ?? ''}|${tier}`;
}

const DECIMAL = /^\d{1,10}(\.\d{1,4})?$/;

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/**
 * The grid entries to save: cells whose value differs from the saved one (empty new cells are skipped),
 * in a stable order, each with the cell key its errors belong to.
 */
export function changedGridEntries(draft: Record<string, string>, saved: Record<string, string>): { key: string; entry: PriceGridEntryInput }[] {
  return Object.keys(draft)
    .sort()
    .filter((key) => draft[key]!.trim() !== (saved[key] ?? '') && draft[key]!.trim() !== '')
    .map((key) => {
      const [segment, subsegment, geoTier] = key.split('|') as [string, string, GeoTier];
      return { key, entry: { segment, subsegment: subsegment || null, geoTier, baseAmount: draft[key]!.trim() } };
    });
}

/** BAD_USER_INPUT paths of a list mutation ("input[3].baseAmount") → message per key of the item sent at that index. */
export function errorsByItem(error: ApiError | null, keys: readonly string[]): { byKey: Record<string, string>; other: string[] } {
  const byKey: Record<string, string> = {};
  const other: string[] = [];
  for (const f of error?.fields ?? []) {
    const { index } = fieldKeyOfPath(f.path);
    const key = index === null ? undefined : keys[index];
    if (key) byKey[key] = byKey[key] ? `${byKey[key]} ${f.message}` : f.message;
    else other.push(f.path ? `${f.path}: ${f.message}` : f.message);
  }
  return { byKey, other };
}

/** "0.2" → "20", "0.1234" → "12.34" (a rate as a percentage, exact: no floating point). */
export function rateToPercent(rate: string): string {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(rate.trim());
  if (!match) return rate;
  const bps = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  const whole = Math.floor(bps / 100);
  const cents = bps % 100;
  return cents ? `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}` : String(whole);
}

/** "20" → "0.2000", "12.5" → "0.1250"; null unless a percentage from 0 to 100 with at most 2 decimals. */
export function percentToRate(percent: string): string | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (bps > 10_000) return null;
  return `${Math.floor(bps / 10_000)}.${String(bps % 10_000).padStart(4, '0')}`;
}
