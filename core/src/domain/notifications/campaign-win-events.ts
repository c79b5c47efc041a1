// After a campaign win (allocate-lead.ts recordWin, inside its transaction): the seller's sale, the campaign reaching
// its budget or its daily cap, and the buyer's wallet falling below the low-balance threshold, each notified once.
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import { buyerWallet } from '../ledger/ledger-accounts';
import { queueNotification } from './queue-notification';

const { campaigns } = schema;

export async function notifyCampaignWin(
  tx: Db,
  win: {
    campaignId: string;
    buyerOrgId: string;
    purchaseId: string;
    price: number;
    currency: string;
    /** the seller's side of the sale (its net after margin and commission) */
    sale: { sellerOrgId: string; leadId: string; segment: string; net: number };
  },
  walletLowThreshold: number,
  now: Date,
): Promise<void> {
  await queueNotification(tx, {
    eventKey: `lead-sold:${win.purchaseId}`,
    event: 'LEAD_SOLD',
    organizationId: win.sale.sellerOrgId,
    data: { purchaseIds: [win.purchaseId], leadIds: [win.sale.leadId], segments: [win.sale.segment], net: { amount: win.sale.net, currency: win.currency } },
  });
  const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, win.campaignId));
  if (!c) return;
  const money = (amount: number) => ({ amount, currency: win.currency });
  if (c.budget != null && c.spent >= c.budget && c.spent - win.price < c.budget) {
    // keyed by the budget: a buyer who raises it hears again when the new one is spent
    await queueNotification(tx, {
      eventKey: `campaign-budget:${c.id}:${c.budget}`,
      event: 'CAMPAIGN_BUDGET_REACHED',
      organizationId: c.buyerOrgId,
      data: { campaignId: c.id, name: c.name, budget: money(c.budget) },
    });
  }
  if (c.dailyCap != null) {
    const [today] = await queryRows<{ n: number; day: string }>(
      tx,
      sql`SELECT count(*)::int AS n, (${now.toISOString()}::timestamptz AT TIME ZONE ${c.timeZone})::date::text AS day FROM campaign_wins
          WHERE campaign_id = ${c.id} AND (won_at AT TIME ZONE ${c.timeZone})::date = (${now.toISOString()}::timestamptz AT TIME ZONE ${c.timeZone})::date`,
    );
    if (today && Number(today.n) === c.dailyCap)
      await queueNotification(tx, {
        eventKey: `campaign-daily-cap:${c.id}:${today.day}`,
        event: 'CAMPAIGN_DAILY_CAP_REACHED',
        organizationId: c.buyerOrgId,
        data: { campaignId: c.id, name: c.name, dailyCap: c.dailyCap, day: today.day },
      });
  }
  const [wallet] = await queryRows<{ balance: string }>(
    tx,
    sql`SELECT coalesce(-sum(amount), 0)::text AS balance FROM ledger_postings WHERE account = ${buyerWallet(win.buyerOrgId)}`,
  );
  const balance = Number(wallet?.balance ?? 0);
  // only the debit that crossed the threshold notifies: the next one below it does not, a top-up re-arms it
  if (balance < walletLowThreshold && balance + win.price >= walletLowThreshold)
    await queueNotification(tx, {
      eventKey: `wallet-low:${win.buyerOrgId}:${win.purchaseId}`,
      event: 'WALLET_LOW',
      organizationId: win.buyerOrgId,
      data: { balance: money(balance), threshold: money(walletLowThreshold) },
    });
}
