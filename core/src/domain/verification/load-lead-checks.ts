// `Lead.checks` for many leads at once: their automatic and spot-check findings, as check names and results.
import { schema } from '@leadex/db';
import { and, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { leadChecks, type StoredFinding, type VerificationCheckView } from './lead-checks-view.rules';

/** Anyone who may see a lead may see its checks (names only, no messages): no actor needed. */
export async function leadChecksByLeadIds(deps: AppDeps, leadIds: readonly string[]): Promise<Map<string, VerificationCheckView[]>> {
  const f = schema.verificationResults;
  const rows = leadIds.length
    ? await deps.db
        .select({ leadId: f.leadId, stage: f.stage, code: f.code, field: f.field, createdAt: f.createdAt })
        .from(f)
        .where(and(inArray(f.leadId, [...leadIds]), inArray(f.stage, ['AUTOMATIC', 'SPOT_CHECK'])))
        .orderBy(f.createdAt, f.id)
    : [];
  const byLead = new Map<string, StoredFinding[]>();
  for (const r of rows) (byLead.get(r.leadId!) ?? byLead.set(r.leadId!, []).get(r.leadId!)!).push(r);
  return new Map(leadIds.map((id) => [id, leadChecks(byLead.get(id) ?? [])]));
}
