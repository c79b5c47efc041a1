// Purchases by id, for batched field reads (a page of disputes asks for its purchases once).
import { schema } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import type { PurchaseRow } from './purchases.service';

/** No access check: callers reach these ids through a parent the caller was already allowed to read. */
export async function purchasesByIds(deps: AppDeps, ids: readonly string[]): Promise<Map<string, PurchaseRow>> {
  if (!ids.length) return new Map();
  const rows = await deps.db
    .select()
    .from(schema.purchases)
    .where(inArray(schema.purchases.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}
