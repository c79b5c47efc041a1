// The marketplace filter (`LeadFilter` in docs/api.md) and sort, turned into SQL conditions over `leads`.
import { schema } from '@leadex/db';
import { asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseMoneyInput } from '../shared/money';
import { cursorParts, cursorTime, isCursorId } from '../shared/newest-first-page';
import { parseInput } from '../shared/validation';
import { EXCLUSIVITIES, GEO_TIERS, LEAD_KINDS, LEAD_STATUSES, TEMPERATURES } from './lead.types';

const { leads, organizations } = schema;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(200).nullish();
const upper = z
  .string()
  .trim()
  .max(40)
  .transform((s) => s.toUpperCase());
const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be a decimal amount like "12.50"');

export const ZLeadFilter = z
  .object({
    segments: list(upper),
    subsegments: list(upper),
    countries: list(upper),
    regions: list(upper),
    cities: list(z.string().trim().max(100)),
    geoTiers: list(z.enum(GEO_TIERS)),
    kinds: list(z.enum(LEAD_KINDS)),
    temperatures: list(z.enum(TEMPERATURES)),
    exclusivity: z.enum(EXCLUSIVITIES).nullish(),
    verifiedOnly: z.boolean().nullish(),
    maxAgeHours: z
      .number()
      .int()
      .positive()
      .max(24 * 365)
      .nullish(),
    minPrice: decimal.nullish(),
    maxPrice: decimal.nullish(),
    minSellerQuality: z.number().int().min(0).max(100).nullish(),
    statuses: list(z.enum(LEAD_STATUSES)),
  })
  .nullish();
export type TLeadFilter = NonNullable<z.infer<typeof ZLeadFilter>>;

export const LEAD_SORTS = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'SCORE_DESC'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export function parseLeadFilter(raw: unknown, path = 'filter'): TLeadFilter {
  return parseInput(ZLeadFilter, raw, path) ?? {};
}

/**
 * SQL conditions for a filter; `needsSellerJoin` when the seller's quality is filtered. A price with more digits
 * than the currency has is BAD_USER_INPUT at `<path>.minPrice` / `<path>.maxPrice` (never silently dropped).
 */
export function filterConditions(filter: TLeadFilter, now: Date, currency: string, path = 'filter'): { where: SQL[]; needsSellerJoin: boolean } {
  const where: SQL[] = [];
  const any = <T>(values: readonly T[] | null | undefined, build: (v: T[]) => SQL) => {
    if (values?.length) where.push(build([...values]));
  };
  any(filter.segments, (v) => inArray(leads.segment, v));
  any(filter.subsegments, (v) => inArray(leads.subsegment, v));
  any(filter.countries, (v) => inArray(leads.country, v));
  any(filter.regions, (v) => inArray(leads.region, v));
  any(filter.cities, (v) => inArray(leads.city, v));
  any(filter.geoTiers, (v) => inArray(leads.geoTier, v));
  any(filter.kinds, (v) => inArray(leads.kind, v));
  any(filter.temperatures, (v) => inArray(leads.temperature, v));
  any(filter.statuses, (v) => inArray(leads.status, v));
  if (filter.exclusivity) where.push(eq(leads.exclusivity, filter.exclusivity));
  if (filter.verifiedOnly) where.push(eq(leads.verification, 'VERIFIED'));
  if (filter.maxAgeHours) where.push(gte(leads.capturedAt, new Date(now.getTime() - filter.maxAgeHours * 3_600_000)));
  if (filter.minPrice) where.push(gte(leads.price, parseMoneyInput(filter.minPrice, currency, `${path}.minPrice`)));
  if (filter.maxPrice) where.push(lte(leads.price, parseMoneyInput(filter.maxPrice, currency, `${path}.maxPrice`)));
  const needsSellerJoin = filter.minSellerQuality != null;
  if (needsSellerJoin) where.push(gte(organizations.qualityScore, filter.minSellerQuality!));
  return { where, needsSellerJoin };
}

// Keyset pagination: the cursor is the sort key and the id of the last row seen.
type CursorValue = string | number;

export function encodeCursor(sort: LeadSort, row: { capturedAt: Date; price: number; score: number; id: string }): string {
  const key: CursorValue = sort === 'NEWEST' ? row.capturedAt.toISOString() : sort === 'SCORE_DESC' ? row.score : row.price;
  return Buffer.from(JSON.stringify([sort, key, row.id])).toString('base64url');
}

// prices are bigint minor units (any safe integer fits); scores are int4
const INT4_MAX = 2_147_483_647;

export function decodeCursor(sort: LeadSort, cursor: string): { key: CursorValue; id: string } | null {
  const parts = cursorParts(cursor);
  if (parts?.length !== 3 || parts[0] !== sort || !isCursorId(parts[2])) return null;
  const [, key, id] = parts as [string, unknown, string];
  if (sort === 'NEWEST') return cursorTime(key) ? { key: key as string, id } : null;
  if (!Number.isSafeInteger(key)) return null;
  if (sort === 'SCORE_DESC' && Math.abs(key as number) > INT4_MAX) return null;
  return { key: key as number, id };
}

export function sortOrder(sort: LeadSort): SQL[] {
  switch (sort) {
    case 'NEWEST':
      return [desc(leads.capturedAt), desc(leads.id)];
    case 'PRICE_ASC':
      return [asc(leads.price), asc(leads.id)];
    case 'PRICE_DESC':
      return [desc(leads.price), desc(leads.id)];
    case 'SCORE_DESC':
      return [desc(leads.score), desc(leads.id)];
  }
}

export function afterCursor(sort: LeadSort, c: { key: CursorValue; id: string }): SQL {
  const column = sort === 'NEWEST' ? leads.capturedAt : sort === 'SCORE_DESC' ? leads.score : leads.price;
  // raw SQL parameters skip drizzle's column mapping, so the timestamp goes as ISO text with a cast
  const key = sort === 'NEWEST' ? sql`${new Date(String(c.key)).toISOString()}::timestamptz` : sql`${Number(c.key)}`;
  // a row comparison lets Postgres walk the (sort key, id) index straight to the page
  return sort === 'PRICE_ASC' ? sql`(${column}, ${leads.id}) > (${key}, ${c.id})` : sql`(${column}, ${leads.id}) < (${key}, ${c.id})`;
}
