// A seller's quality recomputed from the evidence the database already holds (seller-quality.rules.ts):
// the automatic and sampled results per lead (verification_results), the disputes, and the buyers'
// outcomes on purchases. Nothing is accumulated elsewhere, so the score can always be rebuilt and never
// drifts from what it is computed from; organizations.quality_score is its stored copy.
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import { notifySellerSuspended } from '../notifications/domain-events';
import { AUTOMATIC_PASSED, SAMPLE_PASSED } from './lead-checks-view.rules';
import { DENIED_LOST_REASON, estimateSellerQuality, type EvidenceCounts, type SellerQualityEstimate } from './seller-quality.rules';

const { organizations } = schema;

type EvidenceRow = { seller_org_id: string } & { [K in keyof EvidenceCounts]: number };

/**
 * The evidence counts of the given sellers, one aggregate query. Per lead: one automatic result (failed if
 * any automatic check failed) and at most one sampled result. Per purchase: its dispute's decision, or else
 * its current outcome (an upheld dispute already counts what a LOST outcome on the same sale would say).
 */
export async function sellerEvidence(db: Db, sellerOrgIds: readonly string[]): Promise<Map<string, EvidenceCounts>> {
  const out = new Map<string, EvidenceCounts>();
  if (!sellerOrgIds.length) return out;
  const ids = sql.join(
    sellerOrgIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<EvidenceRow>(
    db,
    // one AUTOMATIC_PASSED row or one row per failed check per lead, at most one SPOT_CHECK row per lead
    // (verification_results, lead-checks-view.rules.ts): only the failures need a distinct count
    sql`WITH lead_evidence AS (
          SELECT l.seller_org_id,
                 count(*) FILTER (WHERE v.stage = 'AUTOMATIC' AND v.code = ${AUTOMATIC_PASSED}) AS automatic_passed,
                 count(DISTINCT v.lead_id) FILTER (WHERE v.stage = 'AUTOMATIC' AND v.severity = 'ERROR') AS automatic_failed,
                 count(*) FILTER (WHERE v.stage = 'SPOT_CHECK' AND v.code = ${SAMPLE_PASSED} AND t.id IS NULL) AS sample_passed,
                 count(*) FILTER (WHERE v.stage = 'SPOT_CHECK' AND v.severity = 'ERROR') AS sample_failed
          FROM leads l JOIN verification_results v ON v.lead_id = l.id AND v.stage IN ('AUTOMATIC', 'SPOT_CHECK')
          -- an operator call nobody answered does not fail the sample, but it proves nothing either
          LEFT JOIN verification_tasks t ON v.stage = 'SPOT_CHECK' AND t.batch_id = v.batch_id AND t.lead_id = v.lead_id AND t.outcome = 'NO_ANSWER'
          WHERE l.seller_org_id IN (${ids})
          GROUP BY l.seller_org_id
        ), sale_evidence AS (
          SELECT p.seller_org_id,
                 count(*) FILTER (WHERE d.status = 'ACCEPTED') AS dispute_upheld,
                 count(*) FILTER (WHERE d.status = 'REJECTED') AS dispute_rejected,
                 count(*) FILTER (WHERE d.status IS DISTINCT FROM 'ACCEPTED' AND p.outcome = 'CONTACTED') AS contacted,
                 count(*) FILTER (WHERE d.status IS DISTINCT FROM 'ACCEPTED' AND p.outcome = 'QUALIFIED') AS qualified,
                 count(*) FILTER (WHERE d.status IS DISTINCT FROM 'ACCEPTED' AND p.outcome = 'CONVERTED') AS converted,
                 count(*) FILTER (WHERE d.status IS DISTINCT FROM 'ACCEPTED' AND p.outcome = 'LOST' AND p.outcome_reason ~* ${DENIED_LOST_REASON}) AS lost_denied
          FROM purchases p
          LEFT JOIN disputes d ON d.purchase_id = p.id
          WHERE p.seller_org_id IN (${ids})
          GROUP BY p.seller_org_id
        )
        SELECT o.id AS seller_org_id,
               coalesce(le.automatic_passed, 0)::int AS "automaticPassed", coalesce(le.automatic_failed, 0)::int AS "automaticFailed",
               coalesce(le.sample_passed, 0)::int AS "samplePassed", coalesce(le.sample_failed, 0)::int AS "sampleFailed",
               coalesce(se.dispute_upheld, 0)::int AS "disputeUpheld", coalesce(se.dispute_rejected, 0)::int AS "disputeRejected",
               coalesce(se.contacted, 0)::int AS contacted, coalesce(se.qualified, 0)::int AS qualified,
               coalesce(se.converted, 0)::int AS converted, coalesce(se.lost_denied, 0)::int AS "lostDenied"
        FROM organizations o
        LEFT JOIN lead_evidence le ON le.seller_org_id = o.id
        LEFT JOIN sale_evidence se ON se.seller_org_id = o.id
        WHERE o.id IN (${ids})`,
  );
  for (const { seller_org_id: id, ...counts } of rows) {
    out.set(id, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as EvidenceCounts);
  }
  return out;
}

export interface RecomputedQuality extends SellerQualityEstimate {
  counts: EvidenceCounts;
  suspended: boolean;
}

/**
 * Recomputes and stores a seller's quality, inside the caller's transaction, after new evidence was
 * written in it (a batch verdict, a dispute decision, an outcome). The seller row is locked first, so two
 * transactions adding evidence for one seller take turns and the later one counts the earlier one's rows.
 * It suspends when the evidence is strong (seller-quality.rules.ts) and never lifts a suspension: that
 * stays an operator's decision.
 */
export async function recomputeSellerQuality(tx: Db, sellerOrgId: string): Promise<RecomputedQuality> {
  const [seller] = await tx.select({ suspended: organizations.suspended }).from(organizations).where(eq(organizations.id, sellerOrgId)).for('no key update');
  const counts = (await sellerEvidence(tx, [sellerOrgId])).get(sellerOrgId)!;
  const estimate = estimateSellerQuality(counts);
  const suspended = seller!.suspended || estimate.suspend;
  await tx.update(organizations).set({ qualityScore: estimate.score, suspended }).where(eq(organizations.id, sellerOrgId));
  if (suspended && !seller!.suspended) await notifySellerSuspended(tx, sellerOrgId, estimate.score);
  return { ...estimate, counts, suspended };
}
