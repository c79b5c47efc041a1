// After a campaign win (campaign-win-writes.ts, inside allocation's transaction): the seller's sale, the campaign
// reaching its budget or its daily cap, and the buyer's wallet falling below the low-balance threshold, each
// notified once. The campaign's spend, its wins today and the wallet come from the locked read the sale was priced
// on, so nothing is read again here.
import type { Db } from '@leadex/db';
import { localTime } from '../exchange/campaign.rules';
import { queueNotification } from './queue-notification';

/** The winning campaign and its buyer's wallet as they were under the sale's locks, before this win. */
export interface CampaignBeforeWin {
  id: string;
  name: string;
  buyerOrgId: string;
  budget: number | null;
  spent: number;
  dailyCap: number | null;
  timeZone: string;
  winsToday: number;
  wallet: number;
}

export async function notifyCampaignWin(
  tx: Db,
  win: {
    purchaseId: string;
    price: number;
    currency: string;
    /** the seller's side of the sale (its net after margin and commission) */
    sale: { sellerOrgId: string; leadId: string; segment: string; net: number };
  },
  c: CampaignBeforeWin,
  walletLowThreshold: number,
  now: Date,
): Promise<void> {
  await queueNotification(tx, {
    eventKey: `lead-sold:${win.purchaseId}`,
    event: 'LEAD_SOLD',
    organizationId: win.sale.sellerOrgId,
    data: { purchaseIds: [win.purchaseId], leadIds: [win.sale.leadId], segments: [win.sale.segment], net: { amount: win.sale.net, currency: win.currency } },
  });
  const money = (amount: number) => ({ amount, currency: win.currency });
  const spent = c.spent + win.price;
  if (c.budget != null && spent >= c.budget && c.spent < c.budget) {
    // keyed by the budget: a buyer who raises it hears again when the new one is spent
    await queueNotification(tx, {
      eventKey: `campaign-budget:${c.id}:${c.budget}`,
      event: 'CAMPAIGN_BUDGET_REACHED',
      organizationId: c.buyerOrgId,
      data: { campaignId: c.id, name: c.name, budget: money(c.budget) },
    });
  }
  if (c.dailyCap != null && c.winsToday + 1 === c.dailyCap) {
    const day = localTime(now, c.timeZone).date;
    await queueNotification(tx, {
      eventKey: `campaign-daily-cap:${c.id}:${day}`,
      event: 'CAMPAIGN_DAILY_CAP_REACHED',
      organizationId: c.buyerOrgId,
      data: { campaignId: c.id, name: c.name, dailyCap: c.dailyCap, day },
    });
  }
  const balance = c.wallet - win.price;
  // only the debit that crossed the threshold notifies: the next one below it does not, a top-up re-arms it
  if (balance < walletLowThreshold && c.wallet >= walletLowThreshold)
    await queueNotification(tx, {
      eventKey: `wallet-low:${c.buyerOrgId}:${win.purchaseId}`,
      event: 'WALLET_LOW',
      organizationId: c.buyerOrgId,
      data: { balance: money(balance), threshold: money(walletLowThreshold) },
    });
}
