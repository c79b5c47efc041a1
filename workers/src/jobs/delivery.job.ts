// delivery: send one sold lead to its delivery endpoint (signed webhook, mapped HTTP post or e-mail). Payload: { deliveryId }.
import { DELIVERY_ATTEMPTS, QUEUE, ZDeliveryJob, type AppDeps } from '@leadex/core';
import { attemptDelivery } from '@leadex/core/domain/exchange/attempt-delivery';

export const deliveryJob = {
  queue: QUEUE.delivery,
  concurrency: 4,
  // Safe twice: a DELIVERED delivery is not sent again (receivers also get the delivery id to deduplicate), and a
  // CANCELLED one (its endpoint replaced or removed) is never sent. A refused attempt throws, so BullMQ retries
  // with exponential backoff; the last one, or a refused address, marks it FAILED.
  async run(deps: AppDeps, data: unknown, job?: { attemptsMade: number; opts: { attempts?: number } }) {
    const { deliveryId } = ZDeliveryJob.parse(data);
    const jobAttempt = (job?.attemptsMade ?? 0) + 1;
    const last = jobAttempt >= (job?.opts.attempts ?? DELIVERY_ATTEMPTS);
    return { outcome: await attemptDelivery(deps, deliveryId, last, undefined, jobAttempt) };
  },
};
