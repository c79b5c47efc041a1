// The dispute-refund job's domain function: send the accepted dispute's refund to Stripe, exactly once.
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { issueRefund } from '../payments/issue-refund';

export async function refundAcceptedDispute(deps: AppDeps, disputeId: string): Promise<'SUCCEEDED' | 'ALREADY_DONE' | 'FAILED' | 'NO_REFUND'> {
  const [refund] = await deps.db.select({ id: schema.refunds.id }).from(schema.refunds).where(eq(schema.refunds.disputeId, disputeId));
  if (!refund) return 'NO_REFUND';
  const outcome = await issueRefund(deps, refund.id);
  // a failed Stripe call is an error for the job, so BullMQ retries it with backoff
  if (outcome === 'FAILED') throw new Error(`refund ${refund.id} for dispute ${disputeId} did not go through yet`);
  return outcome;
}
