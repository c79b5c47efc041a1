import fc from 'fast-check';
import { auctionContenders, auctionDecided, campaignBid, type CampaignMoney } from './bid-ranking.rules';
import { runAuction, type Bid } from './campaign.rules';

const t0 = new Date('2026-01-01T00:00:00Z');
const campaign = (extra: Partial<CampaignMoney> = {}): CampaignMoney => ({
  id: 'cmp_a',
  buyerOrgId: 'org_a',
  kind: 'INTERNAL',
  active: true,
  maxBid: 1000,
  budget: null,
  spent: 0,
  dailyCap: null,
  createdAt: t0,
  priority: 0,
  weight: 1,
  wallet: 50_000,
  winsToday: 0,
  ...extra,
});

describe('campaignBid', () => {
  it('bids the max bid, capped by the budget left and the wallet', () => {
    expect(campaignBid(campaign())?.maxBid).toBe(1000);
    expect(campaignBid(campaign({ budget: 5000, spent: 4400 }))?.maxBid).toBe(600);
    expect(campaignBid(campaign({ wallet: 250 }))?.maxBid).toBe(250);
  });

  it('does not bid when paused, at its daily cap, out of budget or with an empty wallet', () => {
    expect(campaignBid(campaign({ active: false }))).toBeNull();
    expect(campaignBid(campaign({ dailyCap: 3, winsToday: 3 }))).toBeNull();
    expect(campaignBid(campaign({ dailyCap: 3, winsToday: 2 }))?.maxBid).toBe(1000);
    expect(campaignBid(campaign({ budget: 5000, spent: 5000 }))).toBeNull();
    expect(campaignBid(campaign({ wallet: 0 }))).toBeNull();
  });

  it('bids what a remote buyer answered, never over the max bid, and nothing without an answer', () => {
    expect(campaignBid(campaign({ kind: 'REMOTE' }), 700)?.maxBid).toBe(700);
    expect(campaignBid(campaign({ kind: 'REMOTE' }), 9000)?.maxBid).toBe(1000);
    expect(campaignBid(campaign({ kind: 'REMOTE' }))).toBeNull();
  });
});

// campaigns in the order rankedCampaigns reads them (max bid descending, then id), each bidding at most its max bid
const market = fc
  .array(
    fc.record({
      buyer: fc.constantFrom('x', 'y', 'z', 'w', 'v'),
      maxBid: fc.integer({ min: 1, max: 12 }).map((n) => n * 100),
      capped: fc.integer({ min: 0, max: 1200 }),
      minutes: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 14 },
  )
  .map((rows) =>
    rows
      .map((r, i) => ({
        id: `c${String(i).padStart(2, '0')}`,
        maxBid: r.maxBid,
        bid: {
          campaignId: `c${String(i).padStart(2, '0')}`,
          buyerOrgId: r.buyer,
          maxBid: Math.min(r.maxBid, r.capped),
          createdAt: new Date(t0.getTime() + r.minutes * 60_000),
        },
      }))
      .sort((a, b) => b.maxBid - a.maxBid || (a.id < b.id ? -1 : 1)),
  );
const positive = (bids: Bid[]) => bids.filter((b) => b.maxBid > 0);

describe('auctionDecided', () => {
  it('when it says the bids read decide the auction, the awards are those of an auction over every campaign', () => {
    fc.assert(
      fc.property(market, fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 3 }), (campaigns, ask, slots) => {
        const all = runAuction(positive(campaigns.map((c) => c.bid)), ask, slots);
        for (let read = 0; read <= campaigns.length; read++) {
          const bids = positive(campaigns.slice(0, read).map((c) => c.bid));
          // the read's bound on what is left: the last max bid read (what rankedCampaigns uses), null once all are read
          const bound = read === campaigns.length ? null : read === 0 ? Number.MAX_SAFE_INTEGER : campaigns[read - 1]!.maxBid;
          if (auctionDecided(bids, ask, slots, bound)) {
            expect(runAuction(bids, ask, slots)).toEqual(all);
            expect(runAuction(auctionContenders(bids, ask, slots), ask, slots)).toEqual(all);
          }
        }
        // reading everything always decides it
        expect(auctionDecided(positive(campaigns.map((c) => c.bid)), ask, slots, null)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('needs the winners and the best loser strictly above what is left', () => {
    const b = (id: string, buyer: string, maxBid: number): Bid => ({ campaignId: id, buyerOrgId: buyer, maxBid, createdAt: t0 });
    expect(auctionDecided([b('a', 'x', 900), b('b', 'y', 800)], 100, 1, 700)).toBe(true);
    expect(auctionDecided([b('a', 'x', 900), b('b', 'y', 800)], 100, 1, 800)).toBe(false);
    // one buyer's two campaigns are one bidder
    expect(auctionDecided([b('a', 'x', 900), b('b', 'x', 800)], 100, 1, 700)).toBe(false);
    // nothing left can reach the ask
    expect(auctionDecided([b('a', 'x', 900)], 750, 1, 700)).toBe(true);
  });
});
