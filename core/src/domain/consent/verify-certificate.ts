// Consent certificates at lead submission: each lead's certificate checked against the lead, and the claim
// that ties a certificate to the one lead it backs (in the submission's transaction).
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import type { LeadIssue } from '../leads/lead.types';
import { certificateProblem, paceSignals, type StoredCertificate } from './certificate.rules';

const { consentCertificates } = schema;

export interface CertificateCandidate {
  certificateId: string | null;
  requireCertificate: boolean;
  sellerOrgId: string;
  phoneHash: string | null;
  emailHash: string | null;
  capturedAt: Date;
}

export interface CertificateVerdict {
  /** the ERROR that rejects the lead, if any */
  problem: LeadIssue | null;
  /** WARNINGs from how the form was filled in */
  signals: LeadIssue[];
  /** the certificate to claim for the lead when it is accepted */
  certificateId: string | null;
}

/**
 * One verdict per candidate, in order. A certificate named twice in the batch backs only the first lead
 * that names it; the claim at insert decides between concurrent batches.
 */
export async function verifyCertificates(deps: AppDeps, candidates: CertificateCandidate[], now: Date): Promise<CertificateVerdict[]> {
  const ids = [...new Set(candidates.flatMap((c) => (c.certificateId ? [c.certificateId] : [])))];
  const rows = ids.length ? await deps.db.select().from(consentCertificates).where(inArray(consentCertificates.id, ids)) : [];
  const byId = new Map<string, StoredCertificate>(rows.map((r) => [r.id, r]));
  const used = new Set<string>();
  return candidates.map((c): CertificateVerdict => {
    if (!c.certificateId) {
      const problem: LeadIssue | null = c.requireCertificate
        ? {
            code: 'CONSENT_CERTIFICATE_REQUIRED',
            field: 'consent.certificateId',
            message: 'This segment needs a consent certificate with every lead',
            severity: 'ERROR',
          }
        : null;
      return { problem, signals: [], certificateId: null };
    }
    const cert = byId.get(c.certificateId);
    const problem =
      certificateProblem(cert, c, now, deps.config.CONSENT_SIGNING_KEY) ??
      (used.has(c.certificateId)
        ? {
            code: 'CONSENT_CERTIFICATE_REUSED',
            field: 'consent.certificateId',
            message: 'The consent certificate already backs another lead of this batch',
            severity: 'ERROR' as const,
          }
        : null);
    if (problem) return { problem, signals: [], certificateId: null };
    used.add(c.certificateId);
    return { problem: null, signals: paceSignals(cert!), certificateId: c.certificateId };
  });
}

/**
 * Claims each certificate for its lead, only where no lead claimed it yet; returns the lead ids whose claim
 * was lost to a concurrent submission (a row lock makes the later UPDATE see the earlier one's claim).
 */
export async function claimCertificates(tx: Db, claims: { leadId: string; certificateId: string }[]): Promise<Set<string>> {
  if (!claims.length) return new Set();
  const json = JSON.stringify(claims.map((c) => ({ cert_id: c.certificateId, lead_id: c.leadId })));
  const won = await queryRows<{ lead_id: string }>(
    tx,
    sql`
    UPDATE consent_certificates AS c SET claimed_by_lead_id = v.lead_id
    FROM jsonb_to_recordset(${json}::jsonb) AS v(cert_id text, lead_id text)
    WHERE c.id = v.cert_id AND c.claimed_by_lead_id IS NULL
    RETURNING v.lead_id`,
  );
  const wonIds = new Set(won.map((r) => r.lead_id));
  return new Set(claims.filter((c) => !wonIds.has(c.leadId)).map((c) => c.leadId));
}

export const CERTIFICATE_REUSED_ISSUE: LeadIssue = {
  code: 'CONSENT_CERTIFICATE_REUSED',
  field: 'consent.certificateId',
  message: 'The consent certificate was used by another lead submitted at the same time',
  severity: 'ERROR',
};
