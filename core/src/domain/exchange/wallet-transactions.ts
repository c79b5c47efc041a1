// A buyer's wallet statement: every ledger entry that moved buyer:<org>:wallet, newest first, with receipts.
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { buyerWallet } from '../ledger/ledger-accounts';
import { badInput } from '../shared/domain-error';
import { money, type Money } from '../shared/money';
import { pageSize } from '../shared/newest-first-page';
import { describeWalletTransaction, eventReference, shortReference, walletTransactionKind, type WalletTransactionKind } from './wallet-transaction.rules';

export interface WalletTransaction {
  /** the ledger transaction's id */
  id: string;
  kind: WalletTransactionKind;
  description: string;
  /** what the wallet gained (positive) or paid (negative) */
  amount: Money;
  balanceAfter: Money;
  occurredAt: Date;
  orderId: string | null;
  leadIds: string[];
  campaignName: string | null;
  /** the card payment of a top-up */
  paymentIntentId: string | null;
}

interface EntryRow {
  id: string;
  kind: string;
  event_key: string;
  occurred_at: Date;
  amount: string;
  balance_after: string;
  currency: string;
}

// every entry of the wallet, summed per transaction, with the balance after each (the window runs oldest first)
function entries(account: string) {
  return sql`WITH moves AS (
      SELECT t.id, t.kind, t.event_key, t.occurred_at, p.currency, 0 - sum(p.amount) AS amount
        FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
       WHERE p.account = ${account}
       GROUP BY t.id, t.kind, t.event_key, t.occurred_at, p.currency)
    SELECT id, kind, event_key, occurred_at, currency, amount::text AS amount,
           (sum(amount) OVER (ORDER BY occurred_at, id))::text AS balance_after
      FROM moves`;
}

/** Orders, leads, campaigns and refunds the entries name, read in one query per kind of object. */
async function explain(db: Db, rows: EntryRow[]): Promise<WalletTransaction[]> {
  const refs = (kind: WalletTransactionKind) => rows.filter((r) => walletTransactionKind(r.kind) === kind).map((r) => eventReference(r.event_key));
  const orderIds = refs('ORDER_PAYMENT');
  const purchaseIds = refs('CAMPAIGN_WIN');
  const refundIds = refs('REFUND');
  const topUpIds = refs('TOP_UP');
  const lines = orderIds.length ? await db.select().from(schema.orderLines).where(inArray(schema.orderLines.orderId, orderIds)) : [];
  const refunds = refundIds.length ? await db.select().from(schema.refunds).where(inArray(schema.refunds.id, refundIds)) : [];
  const purchases = [...purchaseIds, ...refunds.map((r) => r.purchaseId).filter((id): id is string => !!id)];
  const bought = purchases.length ? await db.select().from(schema.purchases).where(inArray(schema.purchases.id, purchases)) : [];
  const campaignIds = bought.map((p) => p.campaignId).filter((id): id is string => !!id);
  const campaigns = campaignIds.length ? await db.select().from(schema.campaigns).where(inArray(schema.campaigns.id, campaignIds)) : [];
  const topUps = topUpIds.length ? await db.select().from(schema.walletTopUps).where(inArray(schema.walletTopUps.id, topUpIds)) : [];
  const purchaseById = new Map(bought.map((p) => [p.id, p]));
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const kind = walletTransactionKind(r.kind);
    const ref = eventReference(r.event_key);
    const refund = kind === 'REFUND' ? refunds.find((f) => f.id === ref) : undefined;
    const purchase = purchaseById.get(kind === 'CAMPAIGN_WIN' ? ref : (refund?.purchaseId ?? ''));
    const orderId = kind === 'ORDER_PAYMENT' ? ref : (purchase?.orderId ?? refund?.orderId ?? null);
    const leadIds = kind === 'ORDER_PAYMENT' ? lines.filter((l) => l.orderId === ref).map((l) => l.leadId) : purchase ? [purchase.leadId] : [];
    const campaign = purchase?.campaignId ? (campaignName.get(purchase.campaignId) ?? null) : null;
    const description = describeWalletTransaction({
      kind,
      orderReference: orderId ? shortReference(orderId) : null,
      leadCount: kind === 'ORDER_PAYMENT' ? leadIds.length : null,
      campaignName: campaign,
      returned: !!refund?.disputeId,
    });
    return {
      id: r.id,
      kind,
      description,
      amount: money(Number(r.amount), r.currency),
      balanceAfter: money(Number(r.balance_after), r.currency),
      occurredAt: new Date(r.occurred_at),
      orderId,
      leadIds,
      campaignName: campaign,
      paymentIntentId: kind === 'TOP_UP' ? (topUps.find((t) => t.id === ref)?.paymentIntentId ?? null) : null,
    };
  });
}

export interface WalletTransactionPage {
  nodes: WalletTransaction[];
  totalCount: number;
  offset: number;
  hasNextPage: boolean;
}

/** The buyer's wallet statement, newest first, `first` entries from `offset`. */
export async function walletTransactions(
  deps: AppDeps,
  actor: Actor | null,
  args: { first?: number | null; offset?: number | null },
): Promise<WalletTransactionPage> {
  const buyer = requireUser(actor, 'BUYER');
  const limit = pageSize(args.first);
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000) throw badInput([{ path: 'offset', message: 'must be between 0 and 1000000' }]);
  const account = buyerWallet(buyer.organizationId);
  const rows = await queryRows<EntryRow>(deps.db, sql`${entries(account)} ORDER BY occurred_at DESC, id DESC LIMIT ${limit + 1} OFFSET ${offset}`);
  const [count] = await queryRows<{ n: string }>(
    deps.db,
    sql`SELECT count(DISTINCT transaction_id)::text AS n FROM ledger_postings WHERE account = ${account}`,
  );
  return { nodes: await explain(deps.db, rows.slice(0, limit)), totalCount: Number(count?.n ?? 0), offset, hasNextPage: rows.length > limit };
}

/** One entry of the buyer's wallet (a receipt); null when it is not theirs or does not exist. */
export async function walletTransaction(deps: AppDeps, actor: Actor | null, id: string): Promise<WalletTransaction | null> {
  const buyer = requireUser(actor, 'BUYER');
  if (typeof id !== 'string' || id.length > 64) return null;
  const rows = await queryRows<EntryRow>(deps.db, sql`SELECT * FROM (${entries(buyerWallet(buyer.organizationId))}) e WHERE id = ${id}`);
  if (!rows.length) return null;
  return (await explain(deps.db, rows))[0]!;
}
