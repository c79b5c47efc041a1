// The `manual` provider's operator side: the open call tasks, and recording what each call found. The last
// outcome of a batch gives its verdict, in the same transaction.
import { schema, type VerificationTaskStatus } from '@leadex/db';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { loadSegments } from '../catalog/catalog.service';
import { DomainError } from '../shared/domain-error';
import { assertTransition } from '../shared/lifecycle';
import { parseInput } from '../shared/validation';
import type { SampleFinding } from './automatic-provider';
import { applyBatchVerdict, type SpotCheckOutcome } from './batch-verdict';
import { offerToCampaigns } from './run-spot-check';
import { VERIFICATION_TASK_LIFECYCLE } from './verification-task.lifecycle';

const { verificationTasks, leadBatches } = schema;
export type VerificationTaskRow = typeof verificationTasks.$inferSelect;

export const CALL_OUTCOMES = ['REACHABLE', 'WRONG_NUMBER', 'NOT_INTERESTED', 'NO_ANSWER'] as const;
// a wrong number or a person who never asked to be contacted is a pseudo-lead; no answer proves nothing
const FAILING = new Set(['WRONG_NUMBER', 'NOT_INTERESTED']);
// the operators' work list shows the oldest tasks first, this many at a time
export const TASKS_LISTED = 200;

export async function listVerificationTasks(deps: AppDeps, actor: Actor | null, status: VerificationTaskStatus = 'OPEN') {
  requireUser(actor, 'OPERATOR');
  return deps.db.select().from(verificationTasks).where(eq(verificationTasks.status, status)).orderBy(asc(verificationTasks.createdAt)).limit(TASKS_LISTED);
}

export async function recordVerificationOutcome(
  deps: AppDeps,
  actor: Actor | null,
  taskId: string,
  rawOutcome: string,
  rawNote?: string | null,
): Promise<{ task: VerificationTaskRow; verdict: SpotCheckOutcome | null }> {
  const operator = requireCapability(requireUser(actor, 'OPERATOR'), 'TRADE');
  const { outcome, note } = parseInput(
    z.object({ outcome: z.enum(CALL_OUTCOMES), note: z.string().trim().max(1000).nullish() }),
    { outcome: rawOutcome, note: rawNote },
    '',
  );
  const segments = await loadSegments(deps.db);
  const result = await deps.db.transaction(async (tx) => {
    const [found] = await tx.select().from(verificationTasks).where(eq(verificationTasks.id, taskId));
    if (!found) throw new DomainError('TASK_NOT_FOUND', 'No such verification task');
    // the batch row is the lock every spot-check step takes, so two operators finishing at once decide once
    await tx.select({ id: leadBatches.id }).from(leadBatches).where(eq(leadBatches.id, found.batchId)).for('update');
    const [task] = await tx.select().from(verificationTasks).where(eq(verificationTasks.id, taskId));
    assertTransition(VERIFICATION_TASK_LIFECYCLE, task!.status, 'DONE', 'OPERATOR', { code: 'TASK_ALREADY_DONE', message: 'This task already has an outcome' });
    const now = deps.clock();
    const [done] = await tx
      .update(verificationTasks)
      .set({ status: 'DONE', outcome, note: note ?? null, doneBy: operator.userId, doneAt: now })
      .where(eq(verificationTasks.id, taskId))
      .returning();
    const open = await tx
      .select({ id: verificationTasks.id })
      .from(verificationTasks)
      .where(and(eq(verificationTasks.batchId, task!.batchId), eq(verificationTasks.status, 'OPEN')));
    if (open.length) return { task: done!, verdict: null };
    const all = await tx.select().from(verificationTasks).where(eq(verificationTasks.batchId, task!.batchId));
    const findings: SampleFinding[] = all.map((t) => ({
      leadId: t.leadId,
      passed: !FAILING.has(t.outcome!),
      code: FAILING.has(t.outcome!) ? t.outcome : null,
      message: FAILING.has(t.outcome!) ? `Operator call: ${t.outcome!.toLowerCase().replace('_', ' ')}${t.note ? ` (${t.note})` : ''}` : null,
    }));
    return { task: done!, verdict: await applyBatchVerdict(tx, task!.batchId, findings, 'manual', segments, now) };
  });
  if (result.verdict?.listed) await offerToCampaigns(deps, result.task.batchId);
  return result;
}
