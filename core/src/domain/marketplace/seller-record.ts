// Reads sellers' records per segment (seller-record.rules.ts) for a page of leads, in one query.
import { schema, type Db } from '@leadex/db';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { sellerRecordOf, type SellerRecord } from './seller-record.rules';

const { purchases, leads, disputes } = schema;

/** Keys are `${sellerOrgId}|${segment}`; every key gets a record (zeros without sales). */
export async function sellerRecords(db: Db, keys: readonly string[]): Promise<Map<string, SellerRecord>> {
  const out = new Map<string, SellerRecord>();
  const sellers = [...new Set(keys.map((k) => k.split('|')[0]!))];
  if (sellers.length) {
    // purchases_seller_idx narrows to the sellers; the segment comes from the lead
    const rows = await db
      .select({
        sellerOrgId: purchases.sellerOrgId,
        segment: leads.segment,
        sales: count(),
        disputes: count(disputes.id),
        upheld: sql<number>`count(${disputes.id}) FILTER (WHERE ${disputes.status} = 'ACCEPTED')`.mapWith(Number),
      })
      .from(purchases)
      .innerJoin(leads, eq(leads.id, purchases.leadId))
      .leftJoin(disputes, eq(disputes.purchaseId, purchases.id))
      .where(inArray(purchases.sellerOrgId, sellers))
      .groupBy(purchases.sellerOrgId, leads.segment);
    for (const r of rows) out.set(`${r.sellerOrgId}|${r.segment}`, sellerRecordOf({ sales: r.sales, disputes: r.disputes, upheld: r.upheld }));
  }
  for (const k of keys) if (!out.has(k)) out.set(k, sellerRecordOf({ sales: 0, disputes: 0, upheld: 0 }));
  return out;
}
