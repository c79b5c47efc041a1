// The writes of a lead's campaign wins, inside allocation's transaction: for each win a paid order, its line and
// purchase (the segment's margin carved off before its commission, margin.rules.ts), the win, an audit entry, the
// campaign's spend and its place in round-robin order, the wallet debit in the ledger and its delivery; then the
// lead's sales.
// All of it is one statement built once per number of wins (issue 17: twelve round trips a win before); the
// notifications follow it, from the winners' locked rows rather than reads of what was just written.
import { schema, sql, type Db } from '@leadex/db';
import { eq, type SQL } from 'drizzle-orm';
import { AUDIT_ROW_FIELDS, auditRow } from '../audit/record-audit';
import { PLATFORM_ESCROW, buyerWallet } from '../ledger/ledger-accounts';
import { LEDGER_POSTING_FIELDS, LEDGER_TRANSACTION_FIELDS, credit, debit, ledgerRows } from '../ledger/post-transaction';
import { salesAndSoldOut } from '../leads/lead-status-sql';
import { notifyCampaignWin, type CampaignBeforeWin } from '../notifications/campaign-win-events';
import { newId } from '../shared/ids';
import { chargeStep, formatDecimal, money } from '../shared/money';
import { builtOnce, rowValues, slot, slotRows } from '../shared/built-once';
import { oneStatementSql } from '../shared/one-statement';
import { PURCHASE_FIELDS } from '../orders/sale-statement';
import type { Award } from './campaign.rules';
import { splitExchangeSale, type MarginPolicy } from './margin.rules';

const { leads, campaigns, campaignWins, orders, orderLines, purchases, auditLog, ledgerTransactions, ledgerPostings, deliveries } = schema;

export interface WonLead {
  id: string;
  sellerOrgId: string;
  segment: string;
  currency: string;
}

export interface WinTerms {
  commissionBps: number;
  margin: MarginPolicy;
  walletLowThreshold: number;
  now: Date;
}

const ORDER_FIELDS = ['id', 'buyerOrgId', 'status', 'total', 'currency', 'expiresAt', 'paidAt', 'closedAt', 'createdAt'] as const;
const LINE_FIELDS = ['orderId', 'leadId', 'buyerOrgId', 'price'] as const;
const WIN_FIELDS = ['campaignId', 'leadId', 'purchaseId', 'price', 'wonAt'] as const;
const DELIVERY_FIELDS = ['id', 'endpointId', 'purchaseId', 'status', 'createdAt'] as const;

// one statement per shape (how many wins, how many postings), its values slots: drizzle built the text of this one
// per call before, about 0.7 ms of the API's CPU a lead (issue 17)
const winsStatement = builtOnce((db, wins: number, postings: number, delivered: number) => {
  const rows = <T>(prefix: string, fields: readonly string[], count = wins) => slotRows(prefix, fields, count) as unknown as T[];
  const writes: Record<string, { getSQL(): SQL }> = {
    orders: db.insert(orders).values(rows<typeof orders.$inferInsert>('o_', ORDER_FIELDS)),
    lines: db.insert(orderLines).values(rows<typeof orderLines.$inferInsert>('l_', LINE_FIELDS)),
    purchases: db.insert(purchases).values(rows<typeof purchases.$inferInsert>('p_', PURCHASE_FIELDS)),
    wins: db.insert(campaignWins).values(rows<typeof campaignWins.$inferInsert>('w_', WIN_FIELDS)),
    audited: db.insert(auditLog).values(rows<typeof auditLog.$inferInsert>('a_', AUDIT_ROW_FIELDS)),
    journal: db.insert(ledgerTransactions).values(rows<typeof ledgerTransactions.$inferInsert>('j_', LEDGER_TRANSACTION_FIELDS)),
    sold: db
      .update(leads)
      .set(salesAndSoldOut(wins))
      .where(eq(leads.id, slot('lead'))),
  };
  if (delivered) writes.deliveries = db.insert(deliveries).values(rows<typeof deliveries.$inferInsert>('d_', DELIVERY_FIELDS, delivered));
  if (postings) writes.postings = db.insert(ledgerPostings).values(rows<typeof ledgerPostings.$inferInsert>('s_', LEDGER_POSTING_FIELDS, postings));
  // each winner's spend and its place in round-robin order (distinct campaigns: no row is updated twice)
  for (let i = 0; i < wins; i++) {
    writes[`spend_${i}`] = db
      .update(campaigns)
      .set({ spent: sql`${campaigns.spent} + ${slot(`c_spend${i}`)}`, lastAllocatedSeq: sql`nextval('campaign_allocation_seq')` })
      .where(eq(campaigns.id, slot(`c_id${i}`)));
  }
  return db.execute(oneStatementSql(writes));
});

/** A win to record: `posted` when a remote buyer took the lead through its post, so nothing is delivered to it. */
export type WonAward = Award & { posted?: boolean };

/**
 * Records the wins (distinct campaigns, as one buyer wins a lead once) and returns their purchase ids, in order, and
 * the deliveries written beside them (a win not posted to a remote buyer goes to its campaign's `deliveryTo`).
 */
export async function recordWins(
  tx: Db,
  lead: WonLead,
  awards: readonly WonAward[],
  /** the winners as the sale's locked read found them (campaign-money.ts) */
  winners: ReadonlyMap<string, CampaignBeforeWin & { deliveryTo?: string | null }>,
  terms: WinTerms,
): Promise<{ purchaseIds: string[]; deliveryIds: string[] }> {
  if (!awards.length) return { purchaseIds: [], deliveryIds: [] };
  const { now } = terms;
  const sales = awards.map((award) => ({
    award,
    orderId: newId('ord'),
    purchaseId: newId('pur'),
    split: splitExchangeSale(award.price, terms.commissionBps, terms.margin, chargeStep(lead.currency)),
  }));
  const ledger = sales.map(({ award, purchaseId, split }) =>
    ledgerRows({
      eventKey: `campaign-sale:${purchaseId}`,
      kind: 'WALLET_PURCHASE',
      // the margin stays in escrow with the price and reaches platform revenue, inside the commission, at settlement
      memo: `campaign ${award.campaignId} won ${lead.id}${split.margin ? `; margin ${formatDecimal(split.margin, lead.currency)} ${lead.currency}` : ''}`,
      occurredAt: now,
      postings: [debit(buyerWallet(award.buyerOrgId), money(award.price, lead.currency)), credit(PLATFORM_ESCROW, money(award.price, lead.currency))],
    }),
  );
  const orderRows = sales.map(({ award, orderId }) => ({
    id: orderId,
    buyerOrgId: award.buyerOrgId,
    status: 'PAID',
    total: award.price,
    currency: lead.currency,
    expiresAt: now,
    paidAt: now,
    closedAt: now,
    createdAt: now,
  }));
  const purchaseRows = sales.map(({ award, orderId, purchaseId, split }) => ({
    id: purchaseId,
    orderId,
    leadId: lead.id,
    buyerOrgId: award.buyerOrgId,
    sellerOrgId: lead.sellerOrgId,
    price: award.price,
    commission: split.commission,
    sellerNet: split.sellerNet,
    margin: split.margin,
    currency: lead.currency,
    paymentIntentId: null,
    paidWith: 'WALLET',
    campaignId: award.campaignId,
    purchasedAt: now,
  }));
  const audits = sales.map(({ award, orderId }) =>
    auditRow({
      actor: null,
      action: 'order.paid',
      target: { type: 'order', id: orderId, organizationId: award.buyerOrgId },
      details: { amount: award.price, currency: lead.currency, leads: 1, via: 'WALLET', campaignId: award.campaignId },
      at: now,
    }),
  );
  const postings = ledger.flatMap((l) => l.postings);
  // the notifications' look-ups go out with the writes, in the same round trip
  const delivered = sales.flatMap(({ award, purchaseId }) => {
    const endpointId = award.posted ? null : winners.get(award.campaignId)?.deliveryTo;
    return endpointId ? [{ id: newId('dlv'), endpointId, purchaseId, status: 'PENDING', createdAt: now }] : [];
  });
  const written = winsStatement(tx, [sales.length, postings.length, delivered.length], {
    lead: lead.id,
    ...rowValues('o_', ORDER_FIELDS, orderRows),
    ...rowValues(
      'l_',
      LINE_FIELDS,
      sales.map(({ award, orderId }) => ({ orderId, leadId: lead.id, buyerOrgId: award.buyerOrgId, price: award.price })),
    ),
    ...rowValues('p_', PURCHASE_FIELDS, purchaseRows),
    ...rowValues(
      'w_',
      WIN_FIELDS,
      sales.map(({ award, purchaseId }) => ({ campaignId: award.campaignId, leadId: lead.id, purchaseId, price: award.price, wonAt: now })),
    ),
    ...rowValues('a_', AUDIT_ROW_FIELDS, audits),
    ...rowValues(
      'c_',
      ['id', 'spend'],
      sales.map(({ award }) => ({ id: award.campaignId, spend: award.price })),
    ),
    ...rowValues(
      'j_',
      LEDGER_TRANSACTION_FIELDS,
      ledger.map((l) => l.transaction),
    ),
    ...rowValues('s_', LEDGER_POSTING_FIELDS, postings),
    ...rowValues('d_', DELIVERY_FIELDS, delivered),
  });
  await Promise.all([
    written,
    ...sales.map(({ award, purchaseId, split }) =>
      notifyCampaignWin(
        tx,
        {
          price: award.price,
          purchaseId,
          currency: lead.currency,
          sale: { sellerOrgId: lead.sellerOrgId, leadId: lead.id, segment: lead.segment, net: split.sellerNet },
        },
        winners.get(award.campaignId)!,
        terms.walletLowThreshold,
        now,
      ),
    ),
  ]);
  return { purchaseIds: sales.map((s) => s.purchaseId), deliveryIds: delivered.map((d) => d.id) };
}
