// Settlement step 1 (docs/domain.md, Settlement), set-based: sales whose return window closed with no open dispute and no
// refund in flight leave escrow — the seller's net to their payable, the commission to platform revenue.
// The SQL is the set-based twin of settlement.rules.ts (dueForSettlement, settleSale); the
// settlement-rules-sql integration test keeps the two equal.
import { queryRows, sql, type Db, type PurchaseStatus, type RefundStatus } from '@leadex/db';
import { UNDECIDED_DISPUTE_STATUSES } from '../disputes/dispute.lifecycle';
import { PLATFORM_ESCROW, PLATFORM_REVENUE, sellerPayable } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import { money, type Money } from '../shared/money';
import { SETTLEABLE_PURCHASE_STATUSES } from './settlement.rules';

export interface MaturedBySeller {
  sellerOrgId: string;
  sales: number;
  amount: Money; // what leaves escrow
  commission: Money;
  sellerNet: Money;
}

const SETTLED: PurchaseStatus = 'SETTLED';
// a refund recorded but not yet booked may still take money out of the sale
const REFUND_IN_FLIGHT: readonly RefundStatus[] = ['PENDING'];
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const literals = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '));

/**
 * Settles every mature sale as of `asOf` in one statement and posts one balanced ledger entry for the run.
 * The caller holds the settlement lock; a sale already SETTLED is never touched again, so a second run
 * moves nothing.
 */
export async function matureSales(tx: Db, runId: string, asOf: Date, currency: string): Promise<MaturedBySeller[]> {
  const bySeller = await settleDue(tx, runId, asOf, currency, null);
  await postSettlement(tx, `settlement:${runId}`, runId, asOf, currency, bySeller);
  return bySeller;
}

/**
 * One chunk of a run (issue 17): up to `limit` of one seller's mature sales, and their ledger entry, in the
 * caller's short transaction. Sales another transaction holds (a dispute being opened) are skipped, not
 * waited for: the next chunk or run takes them.
 */
export async function matureSellerChunk(
  tx: Db,
  runId: string,
  chunk: number,
  sellerOrgId: string,
  limit: number,
  asOf: Date,
  currency: string,
): Promise<MaturedBySeller | null> {
  const [matured] = await settleDue(tx, runId, asOf, currency, { sellerOrgId, limit });
  if (matured) await postSettlement(tx, `settlement:${runId}:${chunk}`, runId, asOf, currency, [matured]);
  return matured ?? null;
}

/** Sellers with sales in escrow (mature or not: the chunks find out), from the partial index on escrow sales. */
export async function sellersInEscrow(db: Db): Promise<string[]> {
  const rows = await queryRows<{ seller_org_id: string }>(
    db,
    sql`SELECT DISTINCT seller_org_id FROM purchases WHERE status IN (${literals(SETTLEABLE_PURCHASE_STATUSES)}) ORDER BY seller_org_id`,
  );
  return rows.map((r) => r.seller_org_id);
}

async function settleDue(
  tx: Db,
  runId: string,
  asOf: Date,
  currency: string,
  chunk: { sellerOrgId: string; limit: number } | null,
): Promise<MaturedBySeller[]> {
  const at = asOf.toISOString();
  const rows = await queryRows<{ seller_org_id: string; sales: number; amount: string; commission: string; seller_net: string }>(
    tx,
    sql`WITH due AS (
          SELECT p.id
          FROM purchases p
          JOIN leads l ON l.id = p.lead_id
          JOIN segments s ON s.code = l.segment
          WHERE p.status IN (${literals(SETTLEABLE_PURCHASE_STATUSES)})
            ${chunk ? sql`AND p.seller_org_id = ${chunk.sellerOrgId}` : sql``}
            AND p.purchased_at + make_interval(hours => s.return_window_hours) <= ${at}::timestamptz
            AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.purchase_id = p.id AND d.status IN (${list(UNDECIDED_DISPUTE_STATUSES)}))
            AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id AND r.status IN (${list(REFUND_IN_FLIGHT)}))
          ${chunk ? sql`ORDER BY p.id LIMIT ${chunk.limit}` : sql``}
          FOR UPDATE OF p SKIP LOCKED
        ),
        settled AS (
          UPDATE purchases p
          SET status = ${SETTLED}, settled_at = ${at}::timestamptz, settlement_run_id = ${runId},
              -- a partial refund shrinks the sale; commission shrinks in proportion (at the rate of the sale)
              commission = CASE WHEN p.refunded_amount = 0 THEN p.commission
                                ELSE round(p.commission::numeric * (p.price - p.refunded_amount) / p.price)::bigint END,
              seller_net = (p.price - p.refunded_amount) - CASE WHEN p.refunded_amount = 0 THEN p.commission
                                ELSE round(p.commission::numeric * (p.price - p.refunded_amount) / p.price)::bigint END
          FROM due
          WHERE p.id = due.id
          RETURNING p.seller_org_id, p.price - p.refunded_amount AS amount, p.commission, p.seller_net
        )
        SELECT seller_org_id, count(*)::int AS sales, sum(amount)::text AS amount, sum(commission)::text AS commission, sum(seller_net)::text AS seller_net
        FROM settled GROUP BY seller_org_id ORDER BY seller_org_id`,
  );
  return rows.map((r) => ({
    sellerOrgId: r.seller_org_id,
    sales: Number(r.sales),
    amount: money(Number(r.amount), currency),
    commission: money(Number(r.commission), currency),
    sellerNet: money(Number(r.seller_net), currency),
  }));
}

/** One balanced entry: escrow out, commission to revenue, each seller's net to their payable. */
async function postSettlement(tx: Db, eventKey: string, runId: string, asOf: Date, currency: string, bySeller: MaturedBySeller[]): Promise<void> {
  if (!bySeller.length) return;
  const total = bySeller.reduce((s, r) => s + r.amount.amount, 0);
  const commission = bySeller.reduce((s, r) => s + r.commission.amount, 0);
  await postLedgerTransaction(tx, {
    eventKey,
    kind: 'SETTLEMENT',
    memo: `settlement run ${runId}`,
    occurredAt: asOf,
    postings: [
      debit(PLATFORM_ESCROW, money(total, currency)),
      credit(PLATFORM_REVENUE, money(commission, currency)),
      ...bySeller.map((r) => credit(sellerPayable(r.sellerOrgId), r.sellerNet)),
    ],
  });
}
