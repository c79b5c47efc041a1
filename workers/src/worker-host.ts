// Runs every job processor on BullMQ and registers the repeatable schedules (from this one process).
import { QUEUE, QUEUE_PREFIX, type Runtime } from '@leadex/core';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { refundRetryJob } from './jobs/refund-retry.job';
import { allocationJob } from './jobs/allocation.job';
import { deliveryJob } from './jobs/delivery.job';
import { notificationsJob } from './jobs/notifications.job';
import { disputeRefundJob } from './jobs/dispute-refund.job';
import { repriceJob } from './jobs/reprice.job';
import { reservationExpiryJob } from './jobs/reservation-expiry.job';
import { settlementJob } from './jobs/settlement.job';
import { spotCheckSweepJob } from './jobs/spot-check-sweep.job';
import { spotCheckJob } from './jobs/spot-check.job';

const JOBS = [
  spotCheckJob,
  repriceJob,
  spotCheckSweepJob,
  reservationExpiryJob,
  refundRetryJob,
  disputeRefundJob,
  settlementJob,
  allocationJob,
  deliveryJob,
  notificationsJob,
];

// repeatable work: [queue, scheduler id, repeat rule, job data]; a scheduler id is its Redis key, so it never
// changes (most are named after their queue)
const schedules = (settlementMinutes: number): [string, string, { pattern?: string; every?: number }, object][] => [
  [settlementJob.queue, QUEUE.settlement, { every: settlementMinutes * 60_000 }, {}],
  [repriceJob.queue, `daily-${QUEUE.reprice}`, { pattern: '5 0 * * *' }, { reason: 'daily' }],
  [spotCheckSweepJob.queue, QUEUE.spotCheckSweep, { every: 5 * 60_000 }, {}],
  [reservationExpiryJob.queue, QUEUE.reservationExpiry, { every: 60_000 }, {}],
  [refundRetryJob.queue, QUEUE.refundRetry, { every: 5 * 60_000 }, {}],
  [notificationsJob.queue, `${QUEUE.notifications}-sweep`, { every: 30_000 }, {}],
];

export interface WorkerHostOptions {
  prefix?: string;
  /** register the repeatable schedules (reprice daily; sweep, expiry and refund retry every few minutes) */
  schedules?: boolean;
}

export async function startWorkers(runtime: Runtime, options: WorkerHostOptions = {}) {
  const prefix = options.prefix ?? runtime.queuePrefix ?? QUEUE_PREFIX;
  const { deps } = runtime;
  // workers block on Redis; BullMQ requires maxRetriesPerRequest: null on their connection
  const connection = new Redis(deps.config.REDIS_URL, { maxRetriesPerRequest: null });
  connection.on('error', (err) => deps.logger.warn({ err: err.message }, 'worker redis connection error'));
  const workers = JOBS.map((job) => {
    const worker = new Worker(job.queue, async (j) => job.run(deps, j.data, j), {
      connection,
      prefix,
      concurrency: job.concurrency,
      lockDuration: deps.config.WORKER_LOCK_DURATION_MS,
      stalledInterval: deps.config.WORKER_STALLED_INTERVAL_MS,
    });
    worker.on('failed', (j, err) => deps.logger.warn({ queue: job.queue, jobId: j?.id, attempts: j?.attemptsMade, err: err.message }, 'job failed'));
    worker.on('completed', (j, result) => deps.logger.info({ queue: job.queue, jobId: j.id, result }, 'job done'));
    return worker;
  });
  const schedulers: Queue[] = [];
  if (options.schedules !== false) {
    for (const [queueName, schedulerId, repeat, data] of schedules(deps.config.SETTLEMENT_INTERVAL_MINUTES)) {
      const queue = new Queue(queueName, { connection, prefix });
      await queue.upsertJobScheduler(schedulerId, repeat, { name: schedulerId, data });
      schedulers.push(queue);
    }
  }
  return {
    workers,
    async close() {
      // close() waits for jobs in progress to finish: a SIGTERM never cuts one in half
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(schedulers.map((q) => q.close()));
      connection.disconnect();
    },
  };
}
