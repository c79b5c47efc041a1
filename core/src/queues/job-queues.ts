// Producers for the BullMQ queues. Job ids are derived from the business key so a repeat enqueue is a no-op.
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  DELIVERY_ATTEMPTS,
  QUEUE,
  QUEUE_PREFIX,
  type TAllocationJob,
  type TDeliveryJob,
  type TDisputeRefundJob,
  type TRepriceJob,
  type TSpotCheckJob,
} from './job-payloads';

export interface JobQueues {
  enqueueSpotCheck(job: TSpotCheckJob): Promise<void>;
  enqueueReprice(job: TRepriceJob): Promise<void>;
  enqueueDisputeRefund(job: TDisputeRefundJob): Promise<void>;
  enqueueAllocation(job: TAllocationJob): Promise<void>;
  /** `attempt` distinguishes a manual redelivery from the first delivery of the same id */
  enqueueDelivery(job: TDeliveryJob, attempt?: string): Promise<void>;
  /** one pending run sends every due notification e-mail, so a burst of events collapses into it */
  enqueueNotifications(): Promise<void>;
  close(): Promise<void>;
}

const RETRY: JobsOptions = { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: 5000 };

export function createJobQueues(redisUrl: string, logger: Logger, prefix = QUEUE_PREFIX, deliveryRetryBaseMs = 45_000): JobQueues {
  // producers fail fast instead of queueing commands while Redis is away
  const connection = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  connection.on('error', (err) => logger.warn({ err: err.message }, 'redis producer connection error'));
  const spotCheck = new Queue<TSpotCheckJob>(QUEUE.spotCheck, { connection, prefix });
  const reprice = new Queue<TRepriceJob>(QUEUE.reprice, { connection, prefix });
  const disputeRefund = new Queue<TDisputeRefundJob>(QUEUE.disputeRefund, { connection, prefix });
  const allocation = new Queue<TAllocationJob>(QUEUE.allocation, { connection, prefix });
  const delivery = new Queue<TDeliveryJob>(QUEUE.delivery, { connection, prefix });
  const notifications = new Queue(QUEUE.notifications, { connection, prefix });
  return {
    async enqueueSpotCheck(job) {
      await spotCheck.add(QUEUE.spotCheck, job, { ...RETRY, jobId: `${QUEUE.spotCheck}-${job.batchId}` });
    },
    async enqueueReprice(job) {
      // repricing is set-based and idempotent: one pending run is enough, so a burst of edits collapses
      await reprice.add(QUEUE.reprice, job, { ...RETRY, deduplication: { id: `${QUEUE.reprice}-pending` } });
    },
    async enqueueDisputeRefund(job) {
      await disputeRefund.add(QUEUE.disputeRefund, job, { ...RETRY, attempts: 10, jobId: `${QUEUE.disputeRefund}-${job.disputeId}` });
    },
    async enqueueAllocation(job) {
      await allocation.add(QUEUE.allocation, job, { ...RETRY, jobId: `${QUEUE.allocation}-${job.batchId}` });
    },
    async enqueueDelivery(job, attempt = 'first') {
      await delivery.add(QUEUE.delivery, job, {
        jobId: `${QUEUE.delivery}-${job.deliveryId}-${attempt}`,
        attempts: DELIVERY_ATTEMPTS,
        backoff: { type: 'exponential', delay: deliveryRetryBaseMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    },
    async enqueueNotifications() {
      // the job drains the outbox; a row committed while a run is finishing waits for the sweep (every 30 s)
      await notifications.add(QUEUE.notifications, {}, { ...RETRY, deduplication: { id: `${QUEUE.notifications}-pending` } });
    },
    async close() {
      await Promise.all([spotCheck.close(), reprice.close(), disputeRefund.close(), allocation.close(), delivery.close(), notifications.close()]);
      connection.disconnect();
    },
  };
}
