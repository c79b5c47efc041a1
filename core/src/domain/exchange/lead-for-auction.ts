// The lead an auction offers, with what its seller's row says about it (quality for campaign filters, suspension),
// in one read; `lock` takes the lead's row lock (not the seller's) for the sale's transaction.
import { schema, type Db } from '@leadex/db';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { builtOnce, slot } from '../shared/built-once';

const { leads, organizations, orderLines } = schema;
export type AuctionLeadRow = typeof leads.$inferSelect;

const LEAD_COLUMNS = getTableColumns(leads);
const AUCTION_LEAD = { ...LEAD_COLUMNS, sellerQuality: organizations.qualityScore, sellerSuspended: organizations.suspended };
// built once per process (shared/built-once.ts), with and without the lock: a lead's 40 columns cost drizzle about
// 0.13 ms of the API's CPU to build per call, twice a lead (issue 17)
const auctionLeadStatement = builtOnce((db, lock: boolean) => {
  const read = db
    .select(AUCTION_LEAD)
    .from(leads)
    .innerJoin(organizations, eq(organizations.id, leads.sellerOrgId))
    .where(eq(leads.id, slot('lead')));
  return lock ? read.for('update', { of: leads }) : read;
}, AUCTION_LEAD);

export async function leadForAuction(
  db: Db,
  leadId: string,
  lock = false,
): Promise<{ lead: AuctionLeadRow; sellerQuality: number; sellerSuspended: boolean } | null> {
  const [row] = await auctionLeadStatement(db, [lock], { lead: leadId });
  if (!row) return null;
  const { sellerQuality, sellerSuspended, ...lead } = row;
  return { lead, sellerQuality, sellerSuspended };
}

/** Buyers with an active order line on the lead (a held or bought lead is not offered to them again). */
export async function holdersOf(db: Db, leadId: string): Promise<Set<string>> {
  const rows = await db
    .select({ buyer: orderLines.buyerOrgId })
    .from(orderLines)
    .where(and(eq(orderLines.leadId, leadId), eq(orderLines.active, true)));
  return new Set(rows.map((r) => r.buyer));
}
