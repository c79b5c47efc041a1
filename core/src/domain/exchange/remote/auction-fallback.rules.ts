// Who gets a lead when a winner's post is refused, pure: the auction's awards first, then every other bidder in
// rank order, each at its own clearing price (what it would pay had everyone ranked above it refused).
import type { Award, Bid } from '../campaign.rules';

/** runAuction's order: highest bid, then the older campaign, then the smaller id. */
export function rankBids(bids: readonly Bid[]): Bid[] {
  return [...bids].sort((a, b) => b.maxBid - a.maxBid || a.createdAt.getTime() - b.createdAt.getTime() || (a.campaignId < b.campaignId ? -1 : 1));
}

/**
 * `awards` (the auction's winners, whatever chose them) followed by the bidders that could take a slot a refused
 * winner leaves: one per buyer, not already awarded, at least the ask, best first. Runner-up k pays the next
 * runner-up's bid plus one `step`, at least the ask, at most its own bid, rounded down to the step — the second
 * price of the auction it would win, so a winner's refusal never raises anyone's price above their bid.
 */
export function withFallbacks(awards: readonly Award[], bids: readonly Bid[], ask: number, step = 1): Award[] {
  const awardedBuyers = new Set(awards.map((a) => a.buyerOrgId));
  const rest: Bid[] = [];
  for (const b of rankBids(bids.filter((b) => b.maxBid >= ask))) {
    if (awardedBuyers.has(b.buyerOrgId) || rest.some((x) => x.buyerOrgId === b.buyerOrgId)) continue;
    rest.push(b);
  }
  const onStep = (amount: number) => Math.max(ask, amount - (amount % step));
  const runnersUp = rest.map((b, i) => {
    const next = rest[i + 1];
    const clearing = Math.max(ask, next ? next.maxBid + step : ask);
    return { campaignId: b.campaignId, buyerOrgId: b.buyerOrgId, price: onStep(Math.min(b.maxBid, clearing)) };
  });
  return [...awards, ...runnersUp];
}
