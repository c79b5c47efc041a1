// The dispute of each purchase (at most one), for batched field reads on purchases and sales.
import { schema } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import type { DisputeRow } from './list-disputes';

/** No access check: callers reach these purchases through a parent the caller was already allowed to read. */
export async function disputesByPurchaseIds(deps: AppDeps, purchaseIds: readonly string[]): Promise<Map<string, DisputeRow>> {
  if (!purchaseIds.length) return new Map();
  const rows = await deps.db
    .select()
    .from(schema.disputes)
    .where(inArray(schema.disputes.purchaseId, [...purchaseIds]));
  return new Map(rows.map((r) => [r.purchaseId, r]));
}
