// What each notification event carries (its `data`, kept with the row and read by the templates) and who hears of
// it. The data holds ids, counts, amounts and segments only: a lead's contact data never reaches a notification.
import type { NotificationEvent } from '@leadex/db';

/** an amount in minor units with its currency, as the ledger keeps it */
export interface NotifiedMoney {
  amount: number;
  currency: string;
}

// a seller never sees the buyer's order id (only the purchases, its sales): LEAD_SOLD names purchases
export interface NotificationData {
  BATCH_VERDICT: { batchId: string; verified: number; unverified: number; rejected: number; passed: boolean };
  LEAD_SOLD: { purchaseIds: string[]; leadIds: string[]; segments: string[]; net: NotifiedMoney };
  ORDER_PAID: { orderId: string; leads: number; total: NotifiedMoney };
  RETURN_OPENED: { disputeId: string; purchaseId: string; leadId: string; reason: string; side: 'SELLER' | 'BUYER' };
  RETURN_DECIDED: { disputeId: string; leadId: string; decision: 'ACCEPTED' | 'REJECTED'; refund: NotifiedMoney | null; side: 'SELLER' | 'BUYER' };
  PAYOUT_SENT: { payoutId: string; amount: NotifiedMoney };
  PAYOUT_FAILED: { payoutId: string; amount: NotifiedMoney };
  DELIVERY_FAILING: { deliveryId: string; purchaseId: string; leadId: string; attempts: number; final: boolean };
  CAMPAIGN_BUDGET_REACHED: { campaignId: string; name: string; budget: NotifiedMoney };
  CAMPAIGN_DAILY_CAP_REACHED: { campaignId: string; name: string; dailyCap: number; day: string };
  WALLET_LOW: { balance: NotifiedMoney; threshold: NotifiedMoney };
  OPERATOR_DISPUTE_OPENED: { disputeId: string; leadId: string; reason: string; segment: string };
  OPERATOR_SELLER_SUSPENDED: { sellerOrgId: string; sellerName: string; qualityScore: number; byOperator?: boolean };
}

/** ORGANIZATION: every user of the event's organisation; OPERATORS: every operator (the platform's staff). */
export type NotificationAudience = 'ORGANIZATION' | 'OPERATORS';

export const AUDIENCE: Record<NotificationEvent, NotificationAudience> = {
  BATCH_VERDICT: 'ORGANIZATION',
  LEAD_SOLD: 'ORGANIZATION',
  ORDER_PAID: 'ORGANIZATION',
  RETURN_OPENED: 'ORGANIZATION',
  RETURN_DECIDED: 'ORGANIZATION',
  PAYOUT_SENT: 'ORGANIZATION',
  PAYOUT_FAILED: 'ORGANIZATION',
  DELIVERY_FAILING: 'ORGANIZATION',
  CAMPAIGN_BUDGET_REACHED: 'ORGANIZATION',
  CAMPAIGN_DAILY_CAP_REACHED: 'ORGANIZATION',
  WALLET_LOW: 'ORGANIZATION',
  OPERATOR_DISPUTE_OPENED: 'OPERATORS',
  OPERATOR_SELLER_SUSPENDED: 'OPERATORS',
};
