// What a campaign can pay for a lead, and when an auction is decided by the best bids alone, pure (issue 17). The
// campaigns are read best max bid first (ranked-campaigns.ts): every campaign not yet read bids at most the max bid
// of the next one, so once enough distinct buyers bid strictly more than that, reading further cannot change who
// wins or what they pay.
import type { Bid } from './campaign.rules';
import { rankBids } from './remote/auction-fallback.rules';

/** A campaign as allocation and a ping's offer price it: its row's money columns and what its buyer can pay. */
export interface CampaignMoney {
  id: string;
  buyerOrgId: string;
  kind: string;
  active: boolean;
  maxBid: number;
  budget: number | null;
  spent: number;
  dailyCap: number | null;
  createdAt: Date;
  priority: number;
  weight: number;
  /** the buyer's wallet balance, minor units */
  wallet: number;
  /** its wins since local midnight in its own time zone (0 when it has no daily cap) */
  winsToday: number;
}

/**
 * What the campaign can still pay now: its bid (a REMOTE campaign's is what its buyer answered the ping, none
 * without an answer), capped by its maxBid, the rest of its budget and its buyer's wallet; null when that is
 * nothing, or it is paused or at its daily cap.
 */
export function campaignBid(c: CampaignMoney, remoteBid?: number): Bid | null {
  if (!c.active) return null;
  if (c.dailyCap != null && c.winsToday >= c.dailyCap) return null;
  const budgetLeft = c.budget == null ? Number.MAX_SAFE_INTEGER : c.budget - c.spent;
  const offered = c.kind === 'REMOTE' ? (remoteBid ?? 0) : c.maxBid;
  const affordable = Math.min(offered, c.maxBid, budgetLeft, c.wallet);
  if (affordable <= 0) return null;
  return { campaignId: c.id, buyerOrgId: c.buyerOrgId, maxBid: affordable, createdAt: c.createdAt, priority: c.priority, weight: c.weight };
}

/** The best bid of each buyer at the ask, best first (runAuction's order and its one-win-per-buyer rule). */
function bestPerBuyer(bids: readonly Bid[], ask: number): Bid[] {
  const seen = new Set<string>();
  const best: Bid[] = [];
  for (const b of rankBids(bids.filter((b) => b.maxBid >= ask))) {
    if (seen.has(b.buyerOrgId)) continue;
    seen.add(b.buyerOrgId);
    best.push(b);
  }
  return best;
}

/**
 * Whether an auction for `slots` sales over `bids` gives the same awards as one over these bids and every campaign
 * not read yet, whose max bids are at most `nextMaxBid` (null: none left). It does when nothing unread can reach
 * the ask, or when slots + 1 buyers (the winners and the best loser, who sets the price) bid strictly more than
 * `nextMaxBid` (ties are read, as their age and id decide their order).
 */
export function auctionDecided(bids: readonly Bid[], ask: number, slots: number, nextMaxBid: number | null): boolean {
  if (nextMaxBid == null || nextMaxBid < ask) return true;
  return bestPerBuyer(bids, ask).filter((b) => b.maxBid > nextMaxBid).length >= slots + 1;
}

/** The campaigns whose bids decide an auction for `slots` sales: the winners and the best loser. */
export function auctionContenders(bids: readonly Bid[], ask: number, slots: number): Bid[] {
  return bestPerBuyer(bids, ask).slice(0, slots + 1);
}
