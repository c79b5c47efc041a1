// The consent certificate behind a lead, as its consent's readers see it (reached through Lead.consent, or by id
// through certificate-by-id.ts under the same rule, so exactly whoever may read the lead's consent proof sees it).
import { schema } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { signatureValid } from './certificate.rules';

export interface CertificateView {
  id: string;
  /** the lead that claimed it */
  leadId: string | null;
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

/**
 * The certificate each of these leads claimed, keyed by lead id (leads without one are absent), in one query: a
 * page of purchases or disputes asks once. Precondition: the caller was allowed to read these leads' consent
 * (readLeadDisclosure).
 */
export async function certificatesOfLeads(deps: AppDeps, leadIds: readonly string[]): Promise<Map<string, CertificateView>> {
  if (!leadIds.length) return new Map();
  const rows = await deps.db
    .select()
    .from(schema.consentCertificates)
    .where(inArray(schema.consentCertificates.claimedByLeadId, [...leadIds]));
  return new Map(rows.map((r) => [r.claimedByLeadId!, certificateView(deps, r)]));
}

/**
 * The id of the certificate each of these leads claimed (leads without one are absent), for exports and webhook
 * payloads that carry the id beside the consent. Precondition as above: the caller may read these leads' consent.
 */
export async function certificateIdsOfLeads(deps: AppDeps, leadIds: string[]): Promise<Map<string, string>> {
  if (!leadIds.length) return new Map();
  const rows = await deps.db
    .select({ id: schema.consentCertificates.id, leadId: schema.consentCertificates.claimedByLeadId })
    .from(schema.consentCertificates)
    .where(inArray(schema.consentCertificates.claimedByLeadId, leadIds));
  return new Map(rows.map((r) => [r.leadId!, r.id]));
}

type CertificateRow = typeof schema.consentCertificates.$inferSelect;

export function certificateView(deps: AppDeps, row: CertificateRow): CertificateView {
  return {
    id: row.id,
    leadId: row.claimedByLeadId,
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
