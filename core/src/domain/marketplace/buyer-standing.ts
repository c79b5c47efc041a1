// Where a buyer organisation stands with listed leads: holding them in a pending order, or owning them already.
import { schema, type Db } from '@leadex/db';
import { and, eq, inArray } from 'drizzle-orm';
import { OWNED_PURCHASE_STATUSES } from '../purchases/purchase.lifecycle';

const { orders, orderLines, purchases } = schema;

/** HELD: in one of the buyer's RESERVED orders (awaiting payment); BOUGHT: a purchase that was not refunded. */
export type LeadStanding = 'NONE' | 'HELD' | 'BOUGHT';

/** The standing of each lead for a buyer organisation; leads without one read as NONE. */
export async function leadStandings(db: Db, buyerOrgId: string, leadIds: readonly string[]): Promise<Map<string, LeadStanding>> {
  const out = new Map<string, LeadStanding>();
  if (!leadIds.length) return out;
  const ids = [...new Set(leadIds)];
  const [held, bought] = await Promise.all([
    db
      .select({ leadId: orderLines.leadId })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(and(eq(orderLines.buyerOrgId, buyerOrgId), inArray(orderLines.leadId, ids), eq(orderLines.active, true), eq(orders.status, 'RESERVED'))),
    db
      .select({ leadId: purchases.leadId })
      .from(purchases)
      .where(and(eq(purchases.buyerOrgId, buyerOrgId), inArray(purchases.leadId, ids), inArray(purchases.status, OWNED_PURCHASE_STATUSES))),
  ]);
  for (const r of held) out.set(r.leadId, 'HELD');
  // owning wins over holding (a paid order's lines stay active)
  for (const r of bought) out.set(r.leadId, 'BOUGHT');
  return out;
}
