import { runAuction, type Bid } from '../campaign.rules';
import { withFallbacks } from './auction-fallback.rules';

const at = new Date('2026-01-01T00:00:00Z');
const bid = (campaignId: string, maxBid: number, buyerOrgId = `org_${campaignId}`, createdAt = at): Bid => ({ campaignId, buyerOrgId, maxBid, createdAt });

describe('withFallbacks', () => {
  it("keeps the auction's winner first and ranks the others at their own second price", () => {
    const bids = [bid('a', 300), bid('b', 250), bid('c', 200), bid('d', 90)];
    const awards = runAuction(bids, 100, 1);
    expect(withFallbacks(awards, bids, 100)).toEqual([
      { campaignId: 'a', buyerOrgId: 'org_a', price: 251 },
      { campaignId: 'b', buyerOrgId: 'org_b', price: 201 },
      // the last runner-up has no one below it over the ask: it pays the ask
      { campaignId: 'c', buyerOrgId: 'org_c', price: 100 },
    ]);
  });
  it('matches re-running the auction without the refused winners', () => {
    const bids = [bid('a', 500), bid('b', 420), bid('c', 420, 'org_c', new Date(at.getTime() + 1)), bid('d', 130), bid('e', 120)];
    const order = withFallbacks(runAuction(bids, 110, 1), bids, 110);
    for (let i = 1; i < order.length; i++) {
      const remaining = bids.filter((b) => !order.slice(0, i).some((o) => o.campaignId === b.campaignId));
      expect(order[i]).toEqual(runAuction(remaining, 110, 1)[0]);
    }
  });
  it('gives one place per buyer, skips bids under the ask and the awarded buyers, and rounds to the step', () => {
    const bids = [bid('a', 3000, 'x'), bid('a2', 2900, 'x'), bid('b', 2555, 'y'), bid('c', 2001, 'z'), bid('low', 50, 'w')];
    const order = withFallbacks(runAuction(bids, 1000, 1, 10), bids, 1000, 10);
    expect(order.map((o) => [o.campaignId, o.price])).toEqual([
      ['a', 2560],
      ['b', 2010],
      ['c', 1000],
    ]);
  });
  it('keeps shared-lead winners at their uniform price and appends the rest', () => {
    const bids = [bid('a', 90), bid('b', 80), bid('c', 70), bid('d', 60)];
    const order = withFallbacks(runAuction(bids, 50, 2), bids, 50);
    expect(order.map((o) => [o.campaignId, o.price])).toEqual([
      ['a', 71],
      ['b', 71],
      ['c', 61],
      ['d', 50],
    ]);
  });
});
