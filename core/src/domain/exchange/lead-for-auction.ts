// The lead an auction offers, with what its seller's row says about it (quality for campaign filters, suspension),
// in one read; `lock` takes the lead's row lock (not the seller's) for the sale's transaction.
import { schema, type Db } from '@leadex/db';
import { and, eq } from 'drizzle-orm';

const { leads, organizations, orderLines } = schema;
export type AuctionLeadRow = typeof leads.$inferSelect;

export async function leadForAuction(
  db: Db,
  leadId: string,
  lock = false,
): Promise<{ lead: AuctionLeadRow; sellerQuality: number; sellerSuspended: boolean } | null> {
  const read = db
    .select({ lead: leads, sellerQuality: organizations.qualityScore, sellerSuspended: organizations.suspended })
    .from(leads)
    .innerJoin(organizations, eq(organizations.id, leads.sellerOrgId))
    .where(eq(leads.id, leadId));
  const [row] = lock ? await read.for('update', { of: leads }) : await read;
  return row ?? null;
}

/** Buyers with an active order line on the lead (a held or bought lead is not offered to them again). */
export async function holdersOf(db: Db, leadId: string): Promise<Set<string>> {
  const rows = await db
    .select({ buyer: orderLines.buyerOrgId })
    .from(orderLines)
    .where(and(eq(orderLines.leadId, leadId), eq(orderLines.active, true)));
  return new Set(rows.map((r) => r.buyer));
}
