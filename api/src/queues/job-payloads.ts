// Queue names and job payloads, defined once and shared by the API (producer) and the workers.
import { z } from 'zod';

export const QUEUE = {
  spotCheck: 'spot-check',
  reprice: 'reprice',
  disputeRefund: 'dispute-refund',
  settlement: 'settlement',
} as const;

export const ZSpotCheckJob = z.object({ batchId: z.string().min(1) });
export type TSpotCheckJob = z.infer<typeof ZSpotCheckJob>;

export const ZRepriceJob = z.object({ reason: z.string().min(1) });
export type TRepriceJob = z.infer<typeof ZRepriceJob>;

export const QUEUE_PREFIX = 'leadex';

export const ZDisputeRefundJob = z.object({ disputeId: z.string().min(1) });
export type TDisputeRefundJob = z.infer<typeof ZDisputeRefundJob>;
