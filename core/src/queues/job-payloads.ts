// Queue names and job payloads, defined once and shared by the API (producer) and the workers.
import { z } from 'zod';

// every queue name, including the scheduled-only queues that nothing enqueues by hand (sweep, expiry, retry)
export const QUEUE = {
  spotCheck: 'spot-check',
  spotCheckSweep: 'spot-check-sweep',
  reprice: 'reprice',
  disputeRefund: 'dispute-refund',
  refundRetry: 'refund-retry',
  reservationExpiry: 'reservation-expiry',
  settlement: 'settlement',
  allocation: 'allocation',
  delivery: 'delivery',
  // notification e-mails: sent from the outbox after an event commits, and swept on a schedule
  notifications: 'notifications',
} as const;

export const ZSpotCheckJob = z.object({ batchId: z.string().min(1) });
export type TSpotCheckJob = z.infer<typeof ZSpotCheckJob>;

export const ZRepriceJob = z.object({ reason: z.string().min(1) });
export type TRepriceJob = z.infer<typeof ZRepriceJob>;

export const QUEUE_PREFIX = 'leadex';

export const ZDisputeRefundJob = z.object({ disputeId: z.string().min(1) });
export type TDisputeRefundJob = z.infer<typeof ZDisputeRefundJob>;

export const ZAllocationJob = z.object({ batchId: z.string().min(1) });
export type TAllocationJob = z.infer<typeof ZAllocationJob>;

export const ZDeliveryJob = z.object({ deliveryId: z.string().min(1) });
export type TDeliveryJob = z.infer<typeof ZDeliveryJob>;

// a delivery is retried with exponential backoff (DELIVERY_RETRY_BASE_MS, 45 s) for 11 attempts: about 24 hours
export const DELIVERY_ATTEMPTS = 11;
