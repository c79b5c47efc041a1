// The spot-check verdict for one batch (DESIGN.md §2 steps 3–4): sample, check, decide, list or reject,
// update the seller's quality score. Called by the `spot-check` worker.
import { schema } from '@leadex/db';
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { loadSegments } from '../catalog/catalog.service';
import type { NormalizedContact } from '../leads/lead.types';
import { repriceLeads } from '../pricing/pricing.service';
import { newId } from '../shared/ids';
import { automaticProvider, type VerificationProvider } from './automatic-provider';
import { SUSPENSION_FLOOR, batchPasses, nextSellerQuality, pickSample, sampleSize } from './spot-check.rules';

const { leadBatches, leads, organizations, verificationResults } = schema;

// The `manual` provider (operator calls) is not built yet; segments set to it are checked automatically.
const PROVIDERS: Record<string, VerificationProvider> = { automatic: automaticProvider };

export interface SpotCheckOutcome {
  batchId: string;
  sampled: number;
  failed: number;
  passed: boolean;
  listed: number;
  rejected: number;
  sellerQuality: number;
}

/**
 * Decides a PENDING_VERIFICATION batch. Safe to run twice: the batch row is locked and a batch that
 * already has a verdict is left alone (returns null).
 */
export async function runSpotCheck(deps: AppDeps, batchId: string): Promise<SpotCheckOutcome | null> {
  const now = deps.clock();
  const segments = await loadSegments(deps.db);
  return deps.db.transaction(async (tx) => {
    const [batch] = await tx.select().from(leadBatches).where(eq(leadBatches.id, batchId)).for('update');
    if (!batch || batch.status !== 'PENDING_VERIFICATION') return null;
    const [seller] = await tx.select().from(organizations).where(eq(organizations.id, batch.sellerOrgId)).for('update');
    const pending = await tx.select().from(leads).where(and(eq(leads.batchId, batchId), eq(leads.status, 'PENDING_VERIFICATION')));

    const batchSegments = segments.filter((s) => pending.some((l) => l.segment === s.code));
    // a batch spanning segments is held to the strictest of their rules
    const thresholdBps = Math.min(...batchSegments.map((s) => s.failureThresholdBps ?? 1000), 1000);
    const rejectOnFail = batchSegments.some((s) => s.failedBatchPolicy === 'REJECT');
    const provider = PROVIDERS[batchSegments[0]?.verificationProvider ?? 'automatic'] ?? automaticProvider;

    const sample = pickSample(pending, sampleSize(pending.length, seller!.qualityScore), batchId);
    const findings = await provider.checkSample(
      sample.map((l) => ({
        id: l.id, kind: l.kind, country: l.country, signals: l.signals as { code: string }[],
        contact: l.contactSealed && l.contactKeyId ? deps.vault.open<NormalizedContact>(l.contactSealed, l.contactKeyId) : null,
      })),
    );
    const failedIds = findings.filter((f) => !f.passed).map((f) => f.leadId);
    const passed = batchPasses(sample.length, failedIds.length, thresholdBps);
    const rest = pending.filter((l) => !failedIds.includes(l.id)).map((l) => l.id);

    if (failedIds.length) await tx.update(leads).set({ status: 'REJECTED', verification: 'FAILED' }).where(inArray(leads.id, failedIds));
    if (rest.length) {
      const listed = passed || !rejectOnFail;
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
      code: f.passed ? 'SAMPLE_PASSED' : f.code!, field: null, message: f.passed ? `Checked by the ${provider.name} provider.` : f.message!,
      severity: f.passed ? 'WARNING' : 'ERROR', createdAt: now,
    }));
    if (rows.length) await tx.insert(verificationResults).values(rows);

    const quality = nextSellerQuality(seller!.qualityScore, sample.length, failedIds.length);
    await tx
      .update(organizations)
      .set({ qualityScore: quality, suspended: seller!.suspended || quality < SUSPENSION_FLOOR })
      .where(eq(organizations.id, seller!.id));
    await tx
      .update(leadBatches)
      .set({ status: passed ? 'VERIFIED' : 'FAILED', sampleSize: sample.length, sampleFailed: failedIds.length, verdictAt: now })
      .where(eq(leadBatches.id, batchId));
    const listedCount = passed || !rejectOnFail ? rest.length : 0;
    return { batchId, sampled: sample.length, failed: failedIds.length, passed, listed: listedCount, rejected: pending.length - listedCount, sellerQuality: quality };
  });
}

/** Batches still waiting for a verdict (e.g. their enqueue failed while Redis was away). */
export async function findPendingBatches(deps: AppDeps, olderThan: Date): Promise<string[]> {
  const rows = await deps.db
    .select({ id: leadBatches.id })
    .from(leadBatches)
    .where(and(eq(leadBatches.status, 'PENDING_VERIFICATION'), lte(leadBatches.createdAt, olderThan)))
    .limit(1000);
  return rows.map((r) => r.id);
}
