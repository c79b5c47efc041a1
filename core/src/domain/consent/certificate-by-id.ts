// One consent certificate by its id (the printable certificate page): visible exactly to whoever may read the
// consent of the lead that claimed it (its seller, a buyer who bought the lead, an operator); otherwise null.
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireScope, type Actor } from '../auth/access';
import { contactReadPurpose } from '../leads/read-contact';
import { certificateView, type CertificateView } from './read-certificate';

/**
 * The certificate when the actor may read its lead's consent (the rule of Lead.consent, readLeadDisclosure:
 * no reader, an erased lead or no reading purpose gives null). An unclaimed certificate backs no lead and is
 * nobody's to read here; an unknown id is null as well, so ids cannot be probed.
 */
export async function certificateById(deps: AppDeps, actor: Actor | null, id: string): Promise<CertificateView | null> {
  if (!actor) return null;
  requireScope(actor, 'leads:read');
  const [row] = await deps.db.select().from(schema.consentCertificates).where(eq(schema.consentCertificates.id, id)).limit(1);
  if (!row?.claimedByLeadId) return null;
  const [lead] = await deps.db
    .select({ id: schema.leads.id, sellerOrgId: schema.leads.sellerOrgId, erasedAt: schema.leads.erasedAt })
    .from(schema.leads)
    .where(eq(schema.leads.id, row.claimedByLeadId))
    .limit(1);
  if (!lead || lead.erasedAt) return null;
  if (!(await contactReadPurpose(deps, actor, lead))) return null;
  return certificateView(deps, row);
}
