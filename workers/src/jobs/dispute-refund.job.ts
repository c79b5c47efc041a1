// dispute-refund: send an accepted dispute's refund to Stripe. Payload: { disputeId }.
import { QUEUE, ZDisputeRefundJob, type AppDeps } from '@leadex/core';
import { refundAcceptedDispute } from '@leadex/core/domain/disputes/refund-dispute';

export const disputeRefundJob = {
  queue: QUEUE.disputeRefund,
  concurrency: 2,
  // Safe twice: the refund row is unique per dispute, Stripe gets the key `dispute-<id>` (same key, same
  // refund), and the booking transaction skips a refund already SUCCEEDED.
  async run(deps: AppDeps, data: unknown) {
    const { disputeId } = ZDisputeRefundJob.parse(data);
    return { outcome: await refundAcceptedDispute(deps, disputeId) };
  },
};
