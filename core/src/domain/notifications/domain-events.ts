// The events the domain records, one small function each so every hook (inside the event's transaction) is one
// line at its call site: sales and paid orders, returns opened and decided, payouts, failing deliveries, suspensions.
import { schema, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import { queueNotification, type QueuedNotification } from './queue-notification';

const { organizations, purchases, leads } = schema;

/** A sale of a paid order, as its notifications tell it. */
export interface SoldLead {
  id: string;
  leadId: string;
  buyerOrgId: string;
  sellerOrgId: string;
  price: number;
  net: number;
  currency: string;
  segment: string;
}

/** The events of a paid order (orderPaidNotifications), both to organisations: the buyer's, each seller's. */
export const ORDER_PAID_EVENTS = ['ORDER_PAID', 'LEAD_SOLD'] as const;

/** An order paid: the buyer hears once, and each seller once for its leads in the order. */
export async function notifyOrderPaid(tx: Db, orderId: string): Promise<void> {
  const sold = await tx
    .select({
      id: purchases.id,
      leadId: purchases.leadId,
      buyerOrgId: purchases.buyerOrgId,
      sellerOrgId: purchases.sellerOrgId,
      price: purchases.price,
      net: purchases.sellerNet,
      currency: purchases.currency,
      segment: leads.segment,
    })
    .from(purchases)
    .innerJoin(leads, eq(leads.id, purchases.leadId))
    .where(eq(purchases.orderId, orderId))
    .orderBy(purchases.leadId);
  for (const n of orderPaidNotifications(orderId, sold)) await queueNotification(tx, n);
}

/**
 * What notifyOrderPaid queues, from the order's sales in hand (in lead id order): none without a sale. A caller
 * that has just written the sales queues these with queueNotificationsTo instead of reading them back.
 */
export function orderPaidNotifications(orderId: string, sold: SoldLead[]): QueuedNotification[] {
  if (!sold.length) return [];
  const currency = sold[0]!.currency;
  const buyer: QueuedNotification<'ORDER_PAID'> = {
    eventKey: `order-paid:${orderId}`,
    event: 'ORDER_PAID',
    organizationId: sold[0]!.buyerOrgId,
    data: { orderId, leads: sold.length, total: { amount: sold.reduce((n, s) => n + s.price, 0), currency } },
  };
  const sellers = [...new Set(sold.map((s) => s.sellerOrgId))].map((sellerOrgId): QueuedNotification<'LEAD_SOLD'> => {
    const mine = sold.filter((s) => s.sellerOrgId === sellerOrgId);
    return {
      eventKey: `lead-sold:${orderId}:${sellerOrgId}`,
      event: 'LEAD_SOLD',
      organizationId: sellerOrgId,
      data: {
        purchaseIds: mine.map((s) => s.id),
        leadIds: mine.map((s) => s.leadId),
        segments: [...new Set(mine.map((s) => s.segment))],
        net: { amount: mine.reduce((n, s) => n + s.net, 0), currency },
      },
    };
  });
  return [buyer, ...sellers];
}

type Dispute = { id: string; purchaseId: string; buyerOrgId: string; sellerOrgId: string; reason: string };

/** A return opened: the seller, the buyer and the operators hear of it. */
export async function notifyReturnOpened(tx: Db, d: Dispute, lead: { id: string; segment: string }): Promise<void> {
  for (const [side, organizationId] of [
    ['SELLER', d.sellerOrgId],
    ['BUYER', d.buyerOrgId],
  ] as const)
    await queueNotification(tx, {
      eventKey: `return-opened:${d.id}`,
      event: 'RETURN_OPENED',
      organizationId,
      data: { disputeId: d.id, purchaseId: d.purchaseId, leadId: lead.id, reason: d.reason, side },
    });
  await queueNotification(tx, {
    eventKey: `dispute-opened:${d.id}`,
    event: 'OPERATOR_DISPUTE_OPENED',
    organizationId: d.sellerOrgId,
    data: { disputeId: d.id, leadId: lead.id, reason: d.reason, segment: lead.segment },
  });
}

/** A return decided (by an operator or automatically): the seller and the buyer hear of it. */
export async function notifyReturnDecided(
  tx: Db,
  d: Dispute,
  decision: 'ACCEPTED' | 'REJECTED',
  refund: { amount: number; currency: string } | null,
): Promise<void> {
  const [p] = await tx.select({ leadId: purchases.leadId }).from(purchases).where(eq(purchases.id, d.purchaseId));
  for (const [side, organizationId] of [
    ['SELLER', d.sellerOrgId],
    ['BUYER', d.buyerOrgId],
  ] as const)
    await queueNotification(tx, {
      eventKey: `return-decided:${d.id}`,
      event: 'RETURN_DECIDED',
      organizationId,
      data: { disputeId: d.id, leadId: p?.leadId ?? '', decision, refund, side },
    });
}

export async function notifyPayout(
  tx: Db,
  payout: { id: string; sellerOrgId: string; amount: number; currency: string },
  outcome: 'SENT' | 'FAILED',
): Promise<void> {
  await queueNotification(tx, {
    eventKey: `payout-${outcome.toLowerCase()}:${payout.id}`,
    event: outcome === 'SENT' ? 'PAYOUT_SENT' : 'PAYOUT_FAILED',
    organizationId: payout.sellerOrgId,
    data: { payoutId: payout.id, amount: { amount: payout.amount, currency: payout.currency } },
  });
}

/** Attempts refused in a row before the buyer is told a delivery keeps failing (or sooner, when it failed for good). */
export const DELIVERY_FAILING_AFTER = 3;

/** Once per delivery: at its DELIVERY_FAILING_AFTER-th refused attempt, or when it is FAILED, whichever comes first. */
export async function notifyDeliveryFailing(
  tx: Db,
  d: { id: string; purchaseId: string; buyerOrgId: string; leadId: string; attempts: number; final: boolean },
): Promise<void> {
  if (!d.final && d.attempts < DELIVERY_FAILING_AFTER) return;
  await queueNotification(tx, {
    eventKey: `delivery-failing:${d.id}`,
    event: 'DELIVERY_FAILING',
    organizationId: d.buyerOrgId,
    data: { deliveryId: d.id, purchaseId: d.purchaseId, leadId: d.leadId, attempts: d.attempts, final: d.final },
  });
}

/** A seller just suspended, by the quality estimate or by an operator (`byOperator`): the operators hear of it. */
export async function notifySellerSuspended(tx: Db, sellerOrgId: string, qualityScore: number, byOperator = false): Promise<void> {
  const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, sellerOrgId));
  await queueNotification(tx, {
    // one per suspension: a seller reinstated and suspended again is a new event
    eventKey: `seller-suspended:${sellerOrgId}:${Date.now()}`,
    event: 'OPERATOR_SELLER_SUSPENDED',
    organizationId: sellerOrgId,
    data: { sellerOrgId, sellerName: org?.name ?? sellerOrgId, qualityScore, byOperator },
  });
}
