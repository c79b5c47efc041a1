// The writes of a lead's campaign wins, inside allocation's transaction: for each win a paid order, its line and
// purchase (the segment's margin carved off before its commission, margin.rules.ts), the win, an audit entry, the
// campaign's spend and its place in round-robin order, and the wallet debit in the ledger; then the lead's sales.
// All of it is one statement (issue 17: twelve round trips a win before); the notifications follow it, from the
// winners' locked rows rather than reads of what was just written.
import { schema, sql, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import { auditRow } from '../audit/record-audit';
import { PLATFORM_ESCROW, buyerWallet } from '../ledger/ledger-accounts';
import { credit, debit, ledgerRows } from '../ledger/post-transaction';
import { salesAndSoldOut } from '../leads/lead-status-sql';
import { notifyCampaignWin, type CampaignBeforeWin } from '../notifications/campaign-win-events';
import { newId } from '../shared/ids';
import { chargeStep, formatDecimal, money } from '../shared/money';
import { writeInOneStatement } from '../shared/one-statement';
import type { Award } from './campaign.rules';
import { splitExchangeSale, type MarginPolicy } from './margin.rules';

const { leads, campaigns, campaignWins, orders, orderLines, purchases, auditLog, ledgerTransactions, ledgerPostings } = schema;

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

/** Records the wins (distinct campaigns, as one buyer wins a lead once) and returns their purchase ids, in order. */
export async function recordWins(
  tx: Db,
  lead: WonLead,
  awards: readonly Award[],
  /** the winners as the sale's locked read found them (campaign-money.ts) */
  winners: ReadonlyMap<string, CampaignBeforeWin>,
  terms: WinTerms,
): Promise<string[]> {
  if (!awards.length) return [];
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
  // the notifications' look-ups go out with the writes, in the same round trip
  const written = writeInOneStatement(tx, [
    tx.insert(orders).values(
      sales.map(({ award, orderId }) => ({
        id: orderId,
        buyerOrgId: award.buyerOrgId,
        status: 'PAID' as const,
        total: award.price,
        currency: lead.currency,
        expiresAt: now,
        paidAt: now,
        closedAt: now,
        createdAt: now,
      })),
    ),
    tx.insert(orderLines).values(sales.map(({ award, orderId }) => ({ orderId, leadId: lead.id, buyerOrgId: award.buyerOrgId, price: award.price }))),
    tx.insert(purchases).values(
      sales.map(({ award, orderId, purchaseId, split }) => ({
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
        paidWith: 'WALLET' as const,
        campaignId: award.campaignId,
        purchasedAt: now,
      })),
    ),
    tx
      .insert(campaignWins)
      .values(sales.map(({ award, purchaseId }) => ({ campaignId: award.campaignId, leadId: lead.id, purchaseId, price: award.price, wonAt: now }))),
    tx.insert(auditLog).values(
      sales.map(({ award, orderId }) =>
        auditRow({
          actor: null,
          action: 'order.paid',
          target: { type: 'order', id: orderId, organizationId: award.buyerOrgId },
          details: { amount: award.price, currency: lead.currency, leads: 1, via: 'WALLET', campaignId: award.campaignId },
          at: now,
        }),
      ),
    ),
    ...sales.map(({ award }) =>
      tx
        .update(campaigns)
        .set({ spent: sql`${campaigns.spent} + ${award.price}`, lastAllocatedSeq: sql`nextval('campaign_allocation_seq')` })
        .where(eq(campaigns.id, award.campaignId)),
    ),
    tx.insert(ledgerTransactions).values(ledger.map((l) => l.transaction)),
    tx.insert(ledgerPostings).values(ledger.flatMap((l) => l.postings)),
    tx.update(leads).set(salesAndSoldOut(sales.length)).where(eq(leads.id, lead.id)),
  ]);
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
  return sales.map((s) => s.purchaseId);
}
