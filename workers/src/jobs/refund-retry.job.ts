// refund-retry: refunds whose Stripe call failed are sent again (every few minutes).
import { QUEUE, type AppDeps } from '@leadex/core';
import { issueRefund, pendingRefundIds } from '@leadex/core/domain/payments/issue-refund';

export const refundRetryJob = {
  queue: QUEUE.refundRetry,
  concurrency: 1,
  // Safe twice: each refund carries its own Stripe idempotency key, and a SUCCEEDED refund is skipped.
  async run(deps: AppDeps) {
    const ids = await pendingRefundIds(deps);
    const results = [];
    for (const id of ids) results.push(await issueRefund(deps, id));
    return { attempted: ids.length, succeeded: results.filter((r) => r === 'SUCCEEDED').length };
  },
};
