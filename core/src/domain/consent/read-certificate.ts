// The consent certificate behind a lead, as its consent's readers see it (reached only through Lead.consent,
// so exactly whoever may read the lead's consent proof sees it).
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { signatureValid } from './certificate.rules';

export interface CertificateView {
  id: string;
  /** the stored facts still carry the platform's signature */
  verified: boolean;
  pageUrl: string;
  pageTitle: string | null;
  consentText: string;
  timeOnPageMs: number;
  keystrokeToSubmitMs: number | null;
  phoneEntry: string;
  emailEntry: string;
  issuedAt: Date;
}

/** Precondition: the caller was allowed to read the lead's consent (readLeadDisclosure). */
export async function certificateOfLead(deps: AppDeps, leadId: string): Promise<CertificateView | null> {
  const [row] = await deps.db.select().from(schema.consentCertificates).where(eq(schema.consentCertificates.claimedByLeadId, leadId)).limit(1);
  if (!row) return null;
  return {
    id: row.id,
    verified: signatureValid(row, row.signature, deps.config.CONSENT_SIGNING_KEY),
    pageUrl: row.pageUrl,
    pageTitle: row.pageTitle,
    consentText: row.consentText,
    timeOnPageMs: row.timeOnPageMs,
    keystrokeToSubmitMs: row.keystrokeToSubmitMs,
    phoneEntry: row.phoneEntry,
    emailEntry: row.emailEntry,
    issuedAt: row.issuedAt,
  };
}
