// Every status a row can hold, per entity: the typed unions on the drizzle columns (`$type<…>()`), the
// GraphQL enums and the lifecycle tables in @leadex/core (`<entity>.lifecycle.ts`) all come from here.

export const LEAD_STATUSES = ['PENDING_VERIFICATION', 'LISTED', 'REJECTED', 'SOLD_OUT', 'EXPIRED', 'WITHDRAWN'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_VERIFICATIONS = ['UNVERIFIED', 'VERIFIED', 'FAILED'] as const;
export type LeadVerification = (typeof LEAD_VERIFICATIONS)[number];

/** a batch waits for its spot-check verdict; REJECTED: nothing in it was accepted at submission */
export const BATCH_STATUSES = ['PENDING_VERIFICATION', 'VERIFIED', 'FAILED', 'REJECTED'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const VERIFICATION_TASK_STATUSES = ['OPEN', 'DONE'] as const;
export type VerificationTaskStatus = (typeof VERIFICATION_TASK_STATUSES)[number];

export const ORDER_STATUSES = ['RESERVED', 'PAID', 'EXPIRED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** ESCROW until settled (SETTLED) or fully refunded after an accepted dispute (REFUNDED) */
export const PURCHASE_STATUSES = ['ESCROW', 'SETTLED', 'REFUNDED'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export const REFUND_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const DISPUTE_STATUSES = ['OPEN', 'ACCEPTED', 'REJECTED'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const SETTLEMENT_RUN_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED'] as const;
export type SettlementRunStatus = (typeof SETTLEMENT_RUN_STATUSES)[number];

export const PAYOUT_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** CANCELLED: its endpoint was replaced or removed before it was delivered */
export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** A delivery endpoint's kind (issue 14): signed JSON, a POST built from a mapping template, or e-mail. */
export const DELIVERY_ENDPOINT_KINDS = ['WEBHOOK', 'HTTP_MAPPED', 'EMAIL'] as const;
export type DeliveryEndpointKind = (typeof DELIVERY_ENDPOINT_KINDS)[number];

export const WALLET_TOP_UP_STATUSES = ['PENDING', 'PAID'] as const;
export type WalletTopUpStatus = (typeof WALLET_TOP_UP_STATUSES)[number];

/** held in `campaigns.active` (true = ACTIVE) */
export const CAMPAIGN_STATUSES = ['ACTIVE', 'PAUSED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_KINDS = ['INTERNAL', 'REMOTE'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const REMOTE_CALL_KINDS = ['PING', 'POST'] as const;
export type RemoteCallKind = (typeof REMOTE_CALL_KINDS)[number];
export const REMOTE_CALL_OUTCOMES = ['BID', 'PASS', 'TIMEOUT', 'ERROR', 'MALFORMED', 'ACCEPTED', 'REFUSED'] as const;
export type RemoteCallOutcome = (typeof REMOTE_CALL_OUTCOMES)[number];
