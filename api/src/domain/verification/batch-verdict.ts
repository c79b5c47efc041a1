// The verdict on a batch once its sample was checked (by any provider): list, discount or reject, record
// the findings, move the seller's quality score. Runs inside the caller's transaction, batch row locked.
import { schema, type Db } from '@leadex/db';
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { SegmentDefinition } from '../leads/lead.types';
import { repriceLeads } from '../pricing/pricing.service';
import { newId } from '../shared/ids';
import type { SampleFinding } from './automatic-provider';
import { SUSPENSION_FLOOR, batchPasses, nextSellerQuality } from './spot-check.rules';

const { leadBatches, leads, organizations, verificationResults } = schema;

export interface SpotCheckOutcome {
  batchId: string;
  sampled: number;
  failed: number;
  passed: boolean;
  listed: number;
  rejected: number;
  sellerQuality: number;
}

/** A batch spanning segments is held to the strictest of their rules. */
export function batchPolicy(segments: SegmentDefinition[], leadSegments: string[]) {
  const involved = segments.filter((s) => leadSegments.includes(s.code));
  return {
    thresholdBps: Math.min(...involved.map((s) => s.failureThresholdBps), 1000),
    rejectOnFail: involved.some((s) => s.failedBatchPolicy === 'REJECT'),
    provider: involved.some((s) => s.verificationProvider === 'manual') ? 'manual' : 'automatic',
  };
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
  const [seller] = await tx.select().from(organizations).where(eq(organizations.id, batch!.sellerOrgId)).for('update');
  const pending = await tx.select().from(leads).where(and(eq(leads.batchId, batchId), eq(leads.status, 'PENDING_VERIFICATION')));
  const policy = batchPolicy(segments, pending.map((l) => l.segment));
  const failedIds = findings.filter((f) => !f.passed).map((f) => f.leadId);
  const passed = batchPasses(findings.length, failedIds.length, policy.thresholdBps);
  const rest = pending.filter((l) => !failedIds.includes(l.id)).map((l) => l.id);
  const listed = passed || !policy.rejectOnFail;

  if (failedIds.length) await tx.update(leads).set({ status: 'REJECTED', verification: 'FAILED' }).where(inArray(leads.id, failedIds));
  if (rest.length) {
    await tx
      .update(leads)
      .set(listed ? { status: 'LISTED', verification: passed ? 'VERIFIED' : 'UNVERIFIED', listedAt: now } : { status: 'REJECTED', verification: 'FAILED' })
      .where(inArray(leads.id, rest));
    // leads that outlived their segment's TTL while waiting are not put on the market
    await tx.update(leads).set({ status: 'EXPIRED' }).where(and(inArray(leads.id, rest), eq(leads.status, 'LISTED'), lte(leads.expiresAt, now)));
    await repriceLeads(tx, now, rest);
  }
  const rows = findings.map((f) => ({
    id: newId('ver'), batchId, leadId: f.leadId, rowIndex: -1, stage: 'SPOT_CHECK',
    code: f.passed ? 'SAMPLE_PASSED' : f.code!, field: null, message: f.passed ? `Checked by the ${providerName} provider.` : f.message!,
    severity: f.passed ? 'WARNING' : 'ERROR', createdAt: now,
  }));
  if (rows.length) await tx.insert(verificationResults).values(rows);

  const quality = nextSellerQuality(seller!.qualityScore, findings.length, failedIds.length);
  await tx.update(organizations).set({ qualityScore: quality, suspended: seller!.suspended || quality < SUSPENSION_FLOOR }).where(eq(organizations.id, seller!.id));
  await tx
    .update(leadBatches)
    .set({ status: passed ? 'VERIFIED' : 'FAILED', sampleSize: findings.length, sampleFailed: failedIds.length, verdictAt: now })
    .where(eq(leadBatches.id, batchId));
  const listedCount = listed ? rest.length : 0;
  return { batchId, sampled: findings.length, failed: failedIds.length, passed, listed: listedCount, rejected: pending.length - listedCount, sellerQuality: quality };
}
