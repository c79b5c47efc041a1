// Operators' view of sellers' quality, suspension, and segment verification policy.
import { notifySellerSuspended } from '../notifications/domain-events';
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { segmentExchangeColumns } from '../exchange/segment-exchange-policy';
import { DomainError, badInput } from '../shared/domain-error';
import { parseInput } from '../shared/validation';
import { sellerEvidence } from './recompute-seller-quality';
import { estimateSellerQuality, type EvidenceCounts } from './seller-quality.rules';

export interface SellerQualityRow {
  id: string;
  name: string;
  qualityScore: number;
  suspended: boolean;
  listedLeads: number;
  batches: number;
  failedBatches: number;
  /** pieces of evidence the score counts, and the 95% upper credible bound of the score (0–100) */
  evidenceCount: number;
  qualityUpperBound: number;
  evidence: EvidenceCounts;
  /** the first member's e-mail domain, to tell same-named organisations apart */
  emailDomain: string | null;
}

export async function sellerQualityList(deps: AppDeps, actor: Actor | null, only?: string): Promise<SellerQualityRow[]> {
  requireUser(actor, 'OPERATOR');
  const rows = await queryRows<SellerCountsRow>(
    deps.db,
    sql`SELECT o.id, o.name, o.quality_score, o.suspended, ${FIRST_MEMBER_EMAIL_DOMAIN} AS email_domain,
               (SELECT count(*)::int FROM leads l WHERE l.seller_org_id = o.id AND l.status = 'LISTED') AS listed,
               (SELECT count(*)::int FROM lead_batches b WHERE b.seller_org_id = o.id) AS batches,
               (SELECT count(*)::int FROM lead_batches b WHERE b.seller_org_id = o.id AND b.status = 'FAILED') AS failed
        FROM organizations o WHERE o.kind = 'SELLER' ${only ? sql`AND o.id = ${only}` : sql``}
        ORDER BY o.quality_score ASC, o.name LIMIT 500`,
  );
  return withQualityEstimates(deps.db, rows);
}

export interface SellerCountsRow {
  id: string;
  name: string;
  quality_score: number;
  suspended: boolean;
  listed: number;
  batches: number;
  failed: number;
  email_domain: string | null;
}

/** SQL for the e-mail domain of organisation `o`'s first member. */
export const FIRST_MEMBER_EMAIL_DOMAIN = sql`(SELECT split_part(u.email, '@', 2) FROM users u WHERE u.organization_id = o.id ORDER BY u.created_at, u.id LIMIT 1)`;

/** The rows with their evidence counts and the quality estimate over them (seller-quality.rules.ts). */
export async function withQualityEstimates(db: Db, rows: SellerCountsRow[]): Promise<SellerQualityRow[]> {
  const evidence = await sellerEvidence(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const counts = evidence.get(r.id)!;
    const estimate = estimateSellerQuality(counts);
    return {
      id: r.id,
      name: r.name,
      qualityScore: r.quality_score,
      suspended: r.suspended,
      listedLeads: Number(r.listed),
      batches: Number(r.batches),
      failedBatches: Number(r.failed),
      evidenceCount: estimate.evidence,
      qualityUpperBound: Math.round(estimate.upperBound * 1000) / 10,
      evidence: counts,
      emailDomain: r.email_domain || null,
    };
  });
}

export async function setSellerSuspended(deps: AppDeps, actor: Actor | null, organizationId: string, suspended: boolean): Promise<SellerQualityRow> {
  const operator = requireCapability(requireUser(actor, 'OPERATOR'), 'TRADE');
  const id = parseInput(z.string().trim().min(1).max(64), organizationId, 'organizationId');
  await deps.db.transaction(async (tx) => {
    // the kind is part of the update's condition: a buyer's or the platform's organization is refused with nothing written
    const [org] = await tx
      .update(schema.organizations)
      .set({ suspended })
      .where(and(eq(schema.organizations.id, id), eq(schema.organizations.kind, 'SELLER')))
      .returning({ id: schema.organizations.id, qualityScore: schema.organizations.qualityScore });
    if (!org) throw new DomainError('SELLER_NOT_FOUND', 'No such seller', [{ path: 'organizationId', message: 'not a seller organization' }]);
    await recordAudit(tx, {
      actor: operator,
      action: suspended ? 'seller.suspended' : 'seller.reinstated',
      target: { type: 'organization', id, organizationId: id },
      at: deps.clock(),
    });
    if (suspended) await notifySellerSuspended(tx, id, org.qualityScore, true);
  });
  return (await sellerQualityList(deps, actor, id))[0]!;
}

export async function setSegmentPolicy(
  deps: AppDeps,
  actor: Actor | null,
  segment: string,
  change: {
    verificationProvider?: string | null;
    failedBatchPolicy?: string | null;
    failureThreshold?: string | null;
    requireConsentCertificate?: boolean | null;
    /** the exchange's distribution method and margin (exchange/segment-exchange-policy.ts) */
    distributionMethod?: string | null;
    margin?: { kind: string; amount?: string | null; rate?: string | null } | null;
  },
) {
  const operator = requireCapability(requireUser(actor, 'OPERATOR'), 'MONEY');
  const set: Partial<typeof schema.segments.$inferInsert> = {};
  if (change.verificationProvider) set.verificationProvider = change.verificationProvider;
  if (change.failedBatchPolicy) set.failedBatchPolicy = change.failedBatchPolicy;
  if (change.requireConsentCertificate != null) set.requireConsentCertificate = change.requireConsentCertificate;
  if (change.failureThreshold != null) {
    const rate = Number(change.failureThreshold);
    if (!/^(0(\.\d{1,4})?|1(\.0+)?)$/.test(change.failureThreshold))
      throw badInput([{ path: 'failureThreshold', message: 'a fraction from 0 to 1, e.g. "0.1"' }]);
    set.failureThresholdBps = Math.round(rate * 10_000);
  }
  Object.assign(set, segmentExchangeColumns({ distributionMethod: change.distributionMethod, margin: change.margin }, deps.config.PLATFORM_CURRENCY));
  const code = segment.toUpperCase();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.update(schema.segments).set(set).where(eq(schema.segments.code, code)).returning();
    if (!row) throw new DomainError('SEGMENT_NOT_FOUND', 'No such segment', [{ path: 'segment', message: 'unknown segment' }]);
    await recordAudit(tx, {
      actor: operator,
      action: 'segment_policy.set',
      target: { type: 'segment', id: code, organizationId: null },
      details: { set },
      at: deps.clock(),
    });
    return row;
  });
}
