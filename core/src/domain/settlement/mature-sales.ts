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
  const bySeller = await settleDue(tx, runId, asOf, currency);
  await postSettlement(tx, `settlement:${runId}`, runId, asOf, currency, bySeller);
  return bySeller;
}

/** What one chunk looked at (`scanned` escrow sales after `afterId`, up to `lastId`) and what it settled. */
export interface SellerChunk {
  scanned: number;
  lastId: string | null;
  matured: MaturedBySeller | null;
}

/**
 * One chunk of a run (issue 17): the next `limit` of one seller's sales in escrow after `afterId` (id order, from
 * the partial index purchases_escrow_seller_idx), of which the mature ones are settled with their ledger entry,
 * in the caller's short transaction — its work is proportional to `limit` however many sales the seller has.
 * Sales another transaction holds (a dispute being opened) are skipped, not waited for: a later run takes them.
 */
export async function matureSellerChunk(
  tx: Db,
  runId: string,
  chunk: number,
  window: { sellerOrgId: string; afterId: string; limit: number },
  asOf: Date,
  currency: string,
): Promise<SellerChunk> {
  const at = asOf.toISOString();
  const [row] = await queryRows<{ scanned: number; last_id: string | null; sales: number; amount: string; commission: string; seller_net: string }>(
    tx,
    sql`WITH window_ AS (
          SELECT p.id FROM purchases p
          WHERE p.status IN (${literals(SETTLEABLE_PURCHASE_STATUSES)}) AND p.seller_org_id = ${window.sellerOrgId} AND p.id > ${window.afterId}
          ORDER BY p.id
          LIMIT ${window.limit}
        ),
        due AS (
          SELECT p.id
          FROM window_ w
          JOIN purchases p ON p.id = w.id
          JOIN leads l ON l.id = p.lead_id
          JOIN segments s ON s.code = l.segment
          WHERE p.status IN (${literals(SETTLEABLE_PURCHASE_STATUSES)})
            AND p.purchased_at + make_interval(hours => s.return_window_hours) <= ${at}::timestamptz
            AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.purchase_id = p.id AND d.status IN (${list(UNDECIDED_DISPUTE_STATUSES)}))
            AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id AND r.status IN (${list(REFUND_IN_FLIGHT)}))
          FOR UPDATE OF p SKIP LOCKED
        ),
        ${settledSql(runId, at)}
        SELECT (SELECT count(*)::int FROM window_) AS scanned, (SELECT max(id) FROM window_) AS last_id,
               count(*)::int AS sales, coalesce(sum(amount), 0)::text AS amount, coalesce(sum(commission), 0)::text AS commission,
               coalesce(sum(seller_net), 0)::text AS seller_net
        FROM settled`,
  );
  const sales = Number(row?.sales ?? 0);
  const matured = sales
    ? {
        sellerOrgId: window.sellerOrgId,
        sales,
        amount: money(Number(row!.amount), currency),
        commission: money(Number(row!.commission), currency),
        sellerNet: money(Number(row!.seller_net), currency),
      }
    : null;
  if (matured) await postSettlement(tx, `settlement:${runId}:${chunk}`, runId, asOf, currency, [matured]);
  return { scanned: Number(row?.scanned ?? 0), lastId: row?.last_id ?? null, matured };
}

/** Sellers with sales in escrow (mature or not: the chunks find out), from the partial index on escrow sales. */
export async function sellersInEscrow(db: Db): Promise<string[]> {
  const rows = await queryRows<{ seller_org_id: string }>(
    db,
    sql`SELECT DISTINCT seller_org_id FROM purchases WHERE status IN (${literals(SETTLEABLE_PURCHASE_STATUSES)}) ORDER BY seller_org_id`,
  );
  return rows.map((r) => r.seller_org_id);
}

async function settleDue(tx: Db, runId: string, asOf: Date, currency: string): Promise<MaturedBySeller[]> {
  const at = asOf.toISOString();
  const rows = await queryRows<{ seller_org_id: string; sales: number; amount: string; commission: string; seller_net: string }>(
    tx,
    sql`WITH due AS (
          SELECT p.id
          FROM purchases p
          JOIN leads l ON l.id = p.lead_id
          JOIN segments s ON s.code = l.segment
          WHERE p.status IN (${literals(SETTLEABLE_PURCHASE_STATUSES)})
            AND p.purchased_at + make_interval(hours => s.return_window_hours) <= ${at}::timestamptz
            AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.purchase_id = p.id AND d.status IN (${list(UNDECIDED_DISPUTE_STATUSES)}))
            AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id AND r.status IN (${list(REFUND_IN_FLIGHT)}))
          FOR UPDATE OF p SKIP LOCKED
        ),
        ${settledSql(runId, at)}
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

/** The settling UPDATE over `due`, shared by the whole-run statement and the chunks. */
function settledSql(runId: string, at: string) {
  return sql`settled AS (
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
        )`;
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
