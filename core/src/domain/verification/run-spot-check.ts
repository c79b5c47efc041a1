// The verification of one batch (docs/domain.md, Verification), called by the `spot-check` worker: the automatic
// checks on every lead, then — only for a segment whose provider costs something per lead (`manual`
// opens operator tasks) — a sample of the survivors, and, when the findings are in, the verdict.
import { schema } from '@leadex/db';
import { and, eq, lte, notExists, sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { loadSegments } from '../catalog/catalog.service';
import { BATCH_LIFECYCLE } from '../leads/batch.lifecycle';
import { newId } from '../shared/ids';
import { isFinal } from '../shared/lifecycle';
import { applyBatchVerdict, batchPolicy, type SpotCheckOutcome } from './batch-verdict';
import { recordAutomaticChecks } from './record-automatic-checks';
import { recheckCertificates } from '../consent/recheck-certificates';
import { pickSample, sampleSize } from './spot-check.rules';

const { leadBatches, leads, organizations, verificationTasks } = schema;
// batches one sweep hands to the spot-check queue; the next sweep (a minute later) takes the rest
export const PENDING_BATCHES_PER_SWEEP = 1000;
export type { SpotCheckOutcome } from './batch-verdict';

/**
 * Decides a PENDING_VERIFICATION batch, or opens its manual tasks. Safe to run twice: the batch row is
 * locked, a batch with a verdict or with tasks already open is left alone (returns null); the automatic
 * findings are written in the same transaction as the tasks or the verdict, so they are written once.
 */
export async function runSpotCheck(deps: AppDeps, batchId: string, options: { offerToCampaigns?: boolean } = {}): Promise<SpotCheckOutcome | null> {
  const now = deps.clock();
  const segments = await loadSegments(deps.db);
  const outcome = await deps.db.transaction(async (tx) => {
    const [batch] = await tx.select().from(leadBatches).where(eq(leadBatches.id, batchId)).for('update');
    // a verdict was already given (or the batch was rejected whole at submission): the repeat changes nothing
    if (!batch || isFinal(BATCH_LIFECYCLE, batch.status)) return null;
    const [tasks] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(verificationTasks)
      .where(eq(verificationTasks.batchId, batchId));
    if (Number(tasks!.n) > 0) return null; // waiting for operators
    const [seller] = await tx.select().from(organizations).where(eq(organizations.id, batch.sellerOrgId));
    const pending = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.batchId, batchId), eq(leads.status, 'PENDING_VERIFICATION')));
    const policy = batchPolicy(
      segments,
      pending.map((l) => l.segment),
    );
    const certificateProblems = await recheckCertificates(tx, pending, segments, deps.config.CONSENT_SIGNING_KEY);
    const failed = await recordAutomaticChecks(tx, batchId, pending, deps.vault, now, certificateProblems);
    // the automatic checks cost nothing and already ran on every lead: only a costly provider samples
    if (policy.provider === 'manual') {
      const survivors = pending.filter((l) => !failed.has(l.id));
      const sample = pickSample(survivors, sampleSize(survivors.length, seller!.qualityScore), batchId);
      if (sample.length) {
        await tx.insert(verificationTasks).values(sample.map((l) => ({ id: newId('vtk'), batchId, leadId: l.id, status: 'OPEN' as const, createdAt: now })));
        return null;
      }
    }
    return applyBatchVerdict(tx, batchId, [], 'automatic', segments, now);
  });
  if (outcome?.listed && options.offerToCampaigns !== false) await offerToCampaigns(deps, batchId);
  return outcome;
}

/** After a verdict lists leads, the exchange's campaigns get their chance (the allocation job). */
export async function offerToCampaigns(deps: AppDeps, batchId: string): Promise<void> {
  await deps.jobs
    .enqueueAllocation({ batchId })
    .catch((err: Error) => deps.logger.warn({ batchId, err: err.message }, 'allocation enqueue failed; the leads stay on the marketplace'));
}

/** Batches still waiting for a verdict and not waiting for operators (e.g. their enqueue failed while Redis was away). */
export async function findPendingBatches(deps: AppDeps, olderThan: Date): Promise<string[]> {
  const rows = await deps.db
    .select({ id: leadBatches.id })
    .from(leadBatches)
    .where(
      and(
        eq(leadBatches.status, 'PENDING_VERIFICATION'),
        lte(leadBatches.createdAt, olderThan),
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(verificationTasks)
            .where(eq(verificationTasks.batchId, leadBatches.id)),
        ),
      ),
    )
    .limit(PENDING_BATCHES_PER_SWEEP);
  return rows.map((r) => r.id);
}
