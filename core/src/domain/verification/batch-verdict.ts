// The verdict on a batch once every lead went through the automatic checks and the sample (if its segment
// has a costly provider) was checked: list, discount or reject, record the sample's findings, recompute the
// seller's quality from all its evidence. Runs inside the caller's transaction, batch row locked.
import { schema, type Db, type LeadStatus, type LeadVerification } from '@leadex/db';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { BATCH_LIFECYCLE } from '../leads/batch.lifecycle';
import { LEAD_LIFECYCLE, LEAD_VERIFICATION_LIFECYCLE } from '../leads/lead.lifecycle';
import type { SegmentDefinition } from '../leads/lead.types';
import { repriceLeads } from '../pricing/pricing.service';
import { inIds } from '../shared/bulk-sql';
import { queueNotification } from '../notifications/queue-notification';
import { newId } from '../shared/ids';
import { assertTransition, fromStatuses } from '../shared/lifecycle';
import type { SampleFinding } from './automatic-provider';
import { SAMPLE_PASSED } from './lead-checks-view.rules';
import { recomputeSellerQuality } from './recompute-seller-quality';
import { batchVerdict } from './spot-check.rules';

const { leadBatches, leads, organizations, verificationResults } = schema;

export interface SpotCheckOutcome {
  batchId: string;
  /** leads the automatic checks ran on, and how many failed them */
  checked: number;
  automaticFailed: number;
  /** leads sampled for a costly provider, and how many failed it */
  sampled: number;
  failed: number;
  passed: boolean;
  listed: number;
  rejected: number;
  sellerQuality: number;
}

/**
 * The most failed leads (basis points of those checked) any batch may have and still pass: 10%. A segment's own
 * failureThresholdBps can only make it stricter; a batch of no known segment is held to this.
 */
export const MAX_FAILURE_THRESHOLD_BPS = 1000;

/** A batch spanning segments is held to the strictest of their rules. */
export function batchPolicy(segments: SegmentDefinition[], leadSegments: string[]) {
  const involved = segments.filter((s) => leadSegments.includes(s.code));
  return {
    thresholdBps: Math.min(...involved.map((s) => s.failureThresholdBps), MAX_FAILURE_THRESHOLD_BPS),
    rejectOnFail: involved.some((s) => s.failedBatchPolicy === 'REJECT'),
    provider: involved.some((s) => s.verificationProvider === 'manual') ? 'manual' : 'automatic',
  };
}

type Placement = { status: 'LISTED'; verification: 'VERIFIED' | 'UNVERIFIED' } | { status: 'REJECTED'; verification: 'FAILED' };
const REJECT: Placement = { status: 'REJECTED', verification: 'FAILED' };

// A placement moves only leads still waiting (and, when it sets a verification, still unverified), as the lifecycles say.
function placementGuard(p: { status: LeadStatus; verification: LeadVerification }) {
  const statuses = inArray(leads.status, fromStatuses(LEAD_LIFECYCLE, p.status, 'SYSTEM'));
  return p.verification === 'UNVERIFIED'
    ? [statuses]
    : [statuses, inArray(leads.verification, fromStatuses(LEAD_VERIFICATION_LIFECYCLE, p.verification, 'SYSTEM'))];
}

export async function applyBatchVerdict(
  tx: Db,
  batchId: string,
  findings: SampleFinding[],
  providerName: string,
  segments: SegmentDefinition[],
  now: Date,
): Promise<SpotCheckOutcome> {
  const [batch] = await tx.select().from(leadBatches).where(eq(leadBatches.id, batchId));
  // the seller row is the lock the quality recompute takes; taken first, as before, so the order of locks stays batch → seller
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, batch!.sellerOrgId)).for('no key update');
  const pending = await tx
    .select({ id: leads.id, segment: leads.segment })
    .from(leads)
    .where(and(eq(leads.batchId, batchId), eq(leads.status, 'PENDING_VERIFICATION')));
  const automaticRows = await tx
    .select({ leadId: verificationResults.leadId })
    .from(verificationResults)
    .where(and(eq(verificationResults.batchId, batchId), eq(verificationResults.stage, 'AUTOMATIC'), eq(verificationResults.severity, 'ERROR')));
  const automaticFailed = new Set(automaticRows.map((r) => r.leadId!));
  const policy = batchPolicy(
    segments,
    pending.map((l) => l.segment),
  );
  const sampleFailed = new Set(findings.filter((f) => !f.passed).map((f) => f.leadId));
  const counts = {
    checked: pending.length,
    automaticFailed: pending.filter((l) => automaticFailed.has(l.id)).length,
    sampled: findings.length,
    sampleFailed: sampleFailed.size,
    thresholdBps: policy.thresholdBps,
  };
  const { passed } = batchVerdict(counts);
  const rejectsFailedLeads = new Set(segments.filter((s) => s.failedBatchPolicy === 'REJECT').map((s) => s.code));

  // A lead failing the sampled provider is rejected. A lead failing the automatic checks is never VERIFIED:
  // its segment's failedBatchPolicy decides, REJECT → rejected, DISCOUNT → listed UNVERIFIED at the
  // discount (never better placed than its batch's clean leads). The rest follow the batch verdict.
  const place = (l: (typeof pending)[number]): Placement => {
    if (sampleFailed.has(l.id)) return REJECT;
    if (!passed && policy.rejectOnFail) return REJECT;
    if (automaticFailed.has(l.id)) return rejectsFailedLeads.has(l.segment) ? REJECT : { status: 'LISTED', verification: 'UNVERIFIED' };
    return { status: 'LISTED', verification: passed ? 'VERIFIED' : 'UNVERIFIED' };
  };
  const groups = new Map<string, { placement: Placement; ids: string[] }>();
  for (const l of pending) {
    const p = place(l);
    const key = `${p.status}:${p.verification}`;
    (groups.get(key) ?? groups.set(key, { placement: p, ids: [] }).get(key)!).ids.push(l.id);
  }
  const listedIds: string[] = [];
  for (const { placement, ids } of groups.values()) {
    await tx
      .update(leads)
      .set(placement.status === 'LISTED' ? { ...placement, listedAt: now } : placement)
      .where(and(inIds(leads.id, ids), ...placementGuard(placement)));
    if (placement.status === 'LISTED') listedIds.push(...ids);
  }
  if (listedIds.length) {
    // leads that outlived their segment's TTL while waiting are not put on the market
    await tx
      .update(leads)
      .set({ status: 'EXPIRED' })
      .where(and(inIds(leads.id, listedIds), inArray(leads.status, fromStatuses(LEAD_LIFECYCLE, 'EXPIRED', 'SYSTEM')), lte(leads.expiresAt, now)));
    await repriceLeads(tx, now, listedIds);
  }

  // the sampled provider's name is kept in `field`, so Lead.checks can name the check (OPERATOR_CALL)
  const rows = findings.map((f) => ({
    id: newId('vrs'),
    batchId,
    leadId: f.leadId,
    rowIndex: -1,
    stage: 'SPOT_CHECK',
    code: f.passed ? SAMPLE_PASSED : f.code!,
    field: providerName,
    message: f.passed ? `Checked by the ${providerName} provider.` : f.message!,
    severity: f.passed ? 'WARNING' : 'ERROR',
    createdAt: now,
  }));
  if (rows.length) await tx.insert(verificationResults).values(rows);
  // every finding of this batch is written above: the seller's quality counts them with all the rest
  const quality = await recomputeSellerQuality(tx, batch!.sellerOrgId);
  // the caller holds the batch row's lock and found it waiting; a second verdict would be a bug, never a no-op
  const verdict = passed ? 'VERIFIED' : 'FAILED';
  assertTransition(BATCH_LIFECYCLE, batch!.status, verdict, 'SYSTEM');
  await tx
    .update(leadBatches)
    .set({ status: verdict, sampleSize: findings.length, sampleFailed: sampleFailed.size, verdictAt: now })
    .where(eq(leadBatches.id, batchId));
  const listedAs = (v: LeadVerification) =>
    [...groups.values()].filter((g) => g.placement.status === 'LISTED' && g.placement.verification === v).reduce((n, g) => n + g.ids.length, 0);
  await queueNotification(tx, {
    eventKey: `batch-verdict:${batchId}`,
    event: 'BATCH_VERDICT',
    organizationId: batch!.sellerOrgId,
    data: { batchId, passed, verified: listedAs('VERIFIED'), unverified: listedAs('UNVERIFIED'), rejected: pending.length - listedIds.length },
  });
  return {
    batchId,
    checked: counts.checked,
    automaticFailed: counts.automaticFailed,
    sampled: findings.length,
    failed: sampleFailed.size,
    passed,
    listed: listedIds.length,
    rejected: pending.length - listedIds.length,
    sellerQuality: quality.score,
  };
}
