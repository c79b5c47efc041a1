// The spot-check's look at consent certificates (docs/domain.md, Consent certificates): after submission the
// claimed certificate must still back its lead — untouched (signature), the lead's own contact hashes and capture
// time — and a lead of a segment that requires one must have one. A failure keeps the lead from VERIFIED.
import { schema, type Db } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { LeadIssue, SegmentDefinition } from '../leads/lead.types';
import { certificateProblem } from './certificate.rules';

type LeadRow = Pick<typeof schema.leads.$inferSelect, 'id' | 'segment' | 'sellerOrgId' | 'phoneHash' | 'emailHash' | 'capturedAt' | 'createdAt'>;

/**
 * The certificate problem of each lead that has one (leads whose certificate still backs them are absent). The
 * submission's checks are re-run as of the submission (`createdAt`), so expiry after the claim does not count;
 * the claim itself is what ties the certificate to this lead.
 */
export async function recheckCertificates(
  tx: Db,
  pending: readonly LeadRow[],
  segments: readonly SegmentDefinition[],
  key: string,
): Promise<Map<string, LeadIssue>> {
  const problems = new Map<string, LeadIssue>();
  if (!pending.length) return problems;
  const rows = await tx
    .select()
    .from(schema.consentCertificates)
    .where(
      inArray(
        schema.consentCertificates.claimedByLeadId,
        pending.map((l) => l.id),
      ),
    );
  const byLead = new Map(rows.map((r) => [r.claimedByLeadId!, r]));
  const required = new Set(segments.filter((s) => s.requireConsentCertificate).map((s) => s.code));
  for (const lead of pending) {
    const cert = byLead.get(lead.id);
    if (!cert) {
      if (required.has(lead.segment)) {
        problems.set(lead.id, {
          code: 'CONSENT_CERTIFICATE_REQUIRED',
          field: 'consent.certificateId',
          message: 'The segment requires a consent certificate and this lead has none',
          severity: 'ERROR',
        });
      }
      continue;
    }
    // checked as the submission checked it, with the claim (by this very lead) set aside
    const problem = certificateProblem({ ...cert, claimedByLeadId: null }, lead, lead.createdAt, key);
    if (problem) problems.set(lead.id, problem);
  }
  return problems;
}
