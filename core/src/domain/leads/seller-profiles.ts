// The public face of a seller on a lead: name and quality score.
import { schema } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';

export interface SellerProfile {
  id: string;
  name: string;
  qualityScore: number;
}

/** One profile per id asked for; an organization that is gone reads as 'unknown' with score 0. */
export async function sellerProfiles(deps: AppDeps, orgIds: readonly string[]): Promise<Map<string, SellerProfile>> {
  const o = schema.organizations;
  const rows = orgIds.length
    ? await deps.db
        .select({ id: o.id, name: o.name, qualityScore: o.qualityScore })
        .from(o)
        .where(inArray(o.id, [...orgIds]))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(orgIds.map((id) => [id, { id, name: byId.get(id)?.name ?? 'unknown', qualityScore: byId.get(id)?.qualityScore ?? 0 }]));
}
