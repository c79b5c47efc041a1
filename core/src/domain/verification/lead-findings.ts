// A lead's stored findings, oldest first, for the seller who owns it and for operators.
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import type { Actor } from '../auth/access';
import { mayReadLeadFindings, type LeadOwnership } from './lead-findings.rules';

export type LeadFindingRow = typeof schema.verificationResults.$inferSelect;

/** null (not an error) for anyone else: the field is optional on a lead others may otherwise see. */
export async function leadFindings(deps: AppDeps, actor: Actor | null, lead: LeadOwnership & { id: string }): Promise<LeadFindingRow[] | null> {
  if (!mayReadLeadFindings(actor, lead)) return null;
  const f = schema.verificationResults;
  return deps.db.select().from(f).where(eq(f.leadId, lead.id)).orderBy(f.createdAt);
}
