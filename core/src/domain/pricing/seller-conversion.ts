// The stored seller × segment conversion (seller_segment_conversion), recounted from purchases when a buyer
// reports an outcome, and read by pricing (submit-leads, the repricer) and by the lead card.
import { schema, sql, type Db } from '@leadex/db';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { segmentConversionFactors } from './conversion.rules';

const { sellerSegmentConversion: ssc } = schema;

/**
 * Recounts one seller's outcomes in one segment, inside the caller's transaction, then refreshes the factor
 * of every seller in that segment (the pooled average moved with the new count). A per-segment advisory
 * lock makes two reports in one segment take turns, so the later one counts the earlier one's row. `now` stamps
 * updated_at (the domain's clock, not the database's).
 */
export async function recountSellerConversion(tx: Db, sellerOrgId: string, segment: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`seller-conversion:${segment}`}))`);
  // purchases_seller_idx narrows to the seller's purchases; the segment comes from the lead
  await tx.execute(sql`
    INSERT INTO seller_segment_conversion (seller_org_id, segment, outcomes, conversions, updated_at)
    SELECT ${sellerOrgId}, ${segment},
           count(*) FILTER (WHERE p.outcome <> 'NEW'), count(*) FILTER (WHERE p.outcome = 'CONVERTED'), ${at}::timestamptz
    FROM purchases p JOIN leads l ON l.id = p.lead_id
    WHERE p.seller_org_id = ${sellerOrgId} AND l.segment = ${segment}
      -- a sale returned on an upheld dispute is evidence against the seller in its quality, not an outcome here
      AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.purchase_id = p.id AND d.status = 'ACCEPTED')
    ON CONFLICT (seller_org_id, segment) DO UPDATE
      SET outcomes = excluded.outcomes, conversions = excluded.conversions, updated_at = ${at}::timestamptz`);
  const rows = await tx
    .select({ sellerOrgId: ssc.sellerOrgId, outcomes: ssc.outcomes, conversions: ssc.conversions, factor: ssc.factor })
    .from(ssc)
    .where(eq(ssc.segment, segment));
  const changed = segmentConversionFactors(rows.map((r) => ({ ...r, old: Number(r.factor) }))).filter((r) => r.factor !== r.old);
  if (!changed.length) return;
  // one statement for the whole segment
  await tx.execute(sql`
    UPDATE seller_segment_conversion s SET factor = v.factor, updated_at = ${at}::timestamptz
    FROM unnest(${`{${changed.map((r) => r.sellerOrgId).join(',')}}`}::text[], ${`{${changed.map((r) => r.factor).join(',')}}`}::numeric[]) AS v(seller_org_id, factor)
    WHERE s.segment = ${segment} AND s.seller_org_id = v.seller_org_id`);
}

/** A seller's factor per segment (segments without a row price at factor 1). */
export async function sellerConversionFactors(db: Db, sellerOrgId: string): Promise<Map<string, number>> {
  const rows = await db.select({ segment: ssc.segment, factor: ssc.factor }).from(ssc).where(eq(ssc.sellerOrgId, sellerOrgId));
  return new Map(rows.map((r) => [r.segment, Number(r.factor)]));
}

export interface SellerConversionView {
  rate: number;
  outcomes: number;
  factor: number;
}

/** The shown conversion of seller × segment keys (`${sellerOrgId}|${segment}`); null without outcomes. */
export async function sellerConversionViews(db: Db, keys: readonly string[]): Promise<Map<string, SellerConversionView>> {
  const sellers = [...new Set(keys.map((k) => k.split('|')[0]!))];
  const out = new Map<string, SellerConversionView>();
  if (!sellers.length) return out;
  const rows = await db
    .select()
    .from(ssc)
    .where(and(inArray(ssc.sellerOrgId, sellers), gt(ssc.outcomes, 0)));
  for (const r of rows) out.set(`${r.sellerOrgId}|${r.segment}`, { rate: r.conversions / r.outcomes, outcomes: r.outcomes, factor: Number(r.factor) });
  return out;
}
