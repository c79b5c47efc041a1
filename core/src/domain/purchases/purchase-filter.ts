// The buyer's purchases list: filter (segment, outcome, purchase date), sort and their keyset cursors.
import { schema } from '@leadex/db';
import { asc, desc, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { cursorParts, cursorTime, invalidCursor, isCursorId } from '../shared/newest-first-page';
import { parseInput } from '../shared/validation';
import { LEAD_OUTCOMES } from './purchases.service';

const { purchases, leads } = schema;

export const PURCHASE_SORTS = ['NEWEST', 'OLDEST', 'PRICE_DESC', 'PRICE_ASC'] as const;
export type PurchaseSort = (typeof PURCHASE_SORTS)[number];

const upper = z
  .string()
  .trim()
  .max(40)
  .transform((s) => s.toUpperCase());
const date = z.coerce.date({ message: 'a date like 2026-12-01' });

export const ZPurchaseFilter = z
  .object({
    segments: z.array(upper).max(50).nullish(),
    outcomes: z.array(z.enum(LEAD_OUTCOMES)).max(5).nullish(),
    purchasedFrom: date.nullish(),
    /** exclusive upper bound */
    purchasedBefore: date.nullish(),
    /** name, e-mail or phone: matched against the decrypted contacts (purchase-search.ts) */
    search: z.string().trim().max(100).nullish(),
  })
  .refine((f) => !f.purchasedFrom || !f.purchasedBefore || f.purchasedFrom < f.purchasedBefore, {
    path: ['purchasedBefore'],
    message: 'must be after purchasedFrom',
  })
  .nullish();
export type TPurchaseFilter = NonNullable<z.infer<typeof ZPurchaseFilter>>;

export function parsePurchaseFilter(raw: unknown): TPurchaseFilter {
  return parseInput(ZPurchaseFilter, raw, 'filter') ?? {};
}

export function parsePurchaseSort(raw: unknown): PurchaseSort {
  if (raw == null) return 'NEWEST';
  return parseInput(z.enum(PURCHASE_SORTS), raw, 'sort');
}

/** Conditions on purchases joined with their lead (segment is the lead's). */
export function purchaseConditions(f: TPurchaseFilter): SQL[] {
  const where: SQL[] = [];
  if (f.segments?.length) where.push(inArray(leads.segment, f.segments));
  if (f.outcomes?.length) where.push(inArray(purchases.outcome, [...f.outcomes]));
  if (f.purchasedFrom) where.push(gte(purchases.purchasedAt, f.purchasedFrom));
  if (f.purchasedBefore) where.push(lt(purchases.purchasedAt, f.purchasedBefore));
  return where;
}

export function purchaseOrder(sort: PurchaseSort): SQL[] {
  switch (sort) {
    case 'NEWEST':
      return [desc(purchases.purchasedAt), desc(purchases.id)];
    case 'OLDEST':
      return [asc(purchases.purchasedAt), asc(purchases.id)];
    case 'PRICE_DESC':
      return [desc(purchases.price), desc(purchases.id)];
    case 'PRICE_ASC':
      return [asc(purchases.price), asc(purchases.id)];
  }
}

type Keyed = { purchasedAt: Date; price: number; id: string };
const byTime = (s: PurchaseSort) => s === 'NEWEST' || s === 'OLDEST';

export function encodePurchaseCursor(sort: PurchaseSort, row: Keyed): string {
  return Buffer.from(JSON.stringify([sort, byTime(sort) ? row.purchasedAt.toISOString() : row.price, row.id])).toString('base64url');
}

/** The "after this row" condition of a cursor of this sort; INVALID_CURSOR for anything else. */
export function afterPurchaseCursor(sort: PurchaseSort, cursor: string): SQL {
  const parts = cursorParts(cursor);
  if (parts?.length !== 3 || parts[0] !== sort || !isCursorId(parts[2])) throw invalidCursor();
  const id = parts[2];
  if (byTime(sort)) {
    const at = cursorTime(parts[1]);
    if (!at) throw invalidCursor();
    const key = sql`${at.toISOString()}::timestamptz`;
    return sort === 'OLDEST'
      ? sql`(${purchases.purchasedAt}, ${purchases.id}) > (${key}, ${id})`
      : sql`(${purchases.purchasedAt}, ${purchases.id}) < (${key}, ${id})`;
  }
  if (!Number.isSafeInteger(parts[1])) throw invalidCursor();
  const key = sql`${Number(parts[1])}`;
  return sort === 'PRICE_ASC' ? sql`(${purchases.price}, ${purchases.id}) > (${key}, ${id})` : sql`(${purchases.price}, ${purchases.id}) < (${key}, ${id})`;
}
