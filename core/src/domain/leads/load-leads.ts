// Leads by id, for batched field reads (order lines, purchases, sales, verification tasks).
import { schema } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import type { LeadRow } from './submit-leads';

/** The lead rows only: contact and consent are read and audited through read-contact.ts, never from here. */
export async function leadsByIds(deps: AppDeps, ids: readonly string[]): Promise<Map<string, LeadRow>> {
  if (!ids.length) return new Map();
  const rows = await deps.db
    .select()
    .from(schema.leads)
    .where(inArray(schema.leads.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}
