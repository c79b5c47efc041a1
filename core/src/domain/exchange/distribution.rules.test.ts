import fc from 'fast-check';
import { runAuction, type Award, type Bid } from './campaign.rules';
import { DISTRIBUTION_METHODS, distributeLead, distributionMethodOf, ownBidPrice, type DistributionMethod } from './distribution.rules';

const t0 = new Date('2026-01-01T00:00:00Z');
const bid = (campaignId: string, maxBid: number, extra: Partial<Bid> = {}): Bid => ({
  campaignId,
  buyerOrgId: campaignId,
  maxBid,
  createdAt: t0,
  ...extra,
});
const ids = (awards: Award[]) => awards.map((a) => a.campaignId);

const bids = fc.array(
  fc.record({
    campaignId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    buyerOrgId: fc.constantFrom('x', 'y', 'z', 'w'),
    maxBid: fc.integer({ min: 1, max: 20_000 }),
    createdAt: fc.integer({ min: 0, max: 5 }).map((m) => new Date(t0.getTime() + m * 60_000)),
    priority: fc.integer({ min: 0, max: 3 }),
    weight: fc.integer({ min: 1, max: 5 }),
  }),
  { maxLength: 8 },
);
const uniqueCampaigns = (list: Bid[]) => list.filter((b, i) => list.findIndex((x) => x.campaignId === b.campaignId) === i);

/** A deterministic uniform source in [0, 1) from fast-check (noBias: integers drawn uniformly, not toward the edges). */
function seededRandom(seed: number, draws: number): () => number {
  const values = fc.sample(fc.noBias(fc.integer({ min: 0, max: 2 ** 32 - 1 })), { seed, numRuns: draws });
  let i = 0;
  return () => values[i++ % values.length]! / 2 ** 32;
}

describe('every distribution method', () => {
  it('takes only bids at the ask, one win per buyer, at most the slots, each price between the ask and the bid', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRIBUTION_METHODS),
        bids.map(uniqueCampaigns),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(1, 10),
        fc.integer(),
        (method: DistributionMethod, list, ask, slots, step, seed) => {
          const awards = distributeLead(method, { bids: list, ask, slots, step, state: { random: seededRandom(seed, 8), lastServed: new Map([['c', 5]]) } });
          expect(awards.length).toBeLessThanOrEqual(slots);
          expect(new Set(awards.map((a) => a.buyerOrgId)).size).toBe(awards.length);
          for (const a of awards) {
            const b = list.find((x) => x.campaignId === a.campaignId)!;
            expect(b.maxBid).toBeGreaterThanOrEqual(ask);
            expect(a.price).toBeGreaterThanOrEqual(ask);
            expect(a.price).toBeLessThanOrEqual(b.maxBid);
          }
          // some bid at the ask always sells a slot
          if (slots > 0 && list.some((b) => b.maxBid >= ask)) expect(awards.length).toBeGreaterThan(0);
        },
      ),
    );
  });
  it('sells nothing without slots', () => {
    for (const m of DISTRIBUTION_METHODS) expect(distributeLead(m, { bids: [bid('a', 5000)], ask: 1000, slots: 0, step: 1 })).toEqual([]);
  });
  it('reads an unknown stored method as AUCTION', () => {
    expect(distributionMethodOf('WEIGHTED')).toBe('WEIGHTED');
    expect(distributionMethodOf('LOTTERY')).toBe('AUCTION');
    expect(distributionMethodOf(null)).toBe('AUCTION');
  });
});

describe('AUCTION', () => {
  it('is runAuction exactly', () => {
    fc.assert(
      fc.property(
        bids.map(uniqueCampaigns),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(1, 10),
        (list, ask, slots, step) => {
          expect(distributeLead('AUCTION', { bids: list, ask, slots, step })).toEqual(runAuction(list, ask, slots, step));
        },
      ),
    );
  });
});

describe('PRIORITY', () => {
  it('gives the lead to the highest tier with a bid at the ask, at the second price within that tier', () => {
    const list = [bid('low', 9000, { priority: 1 }), bid('top', 3000, { priority: 2 }), bid('top2', 2000, { priority: 2 })];
    expect(distributeLead('PRIORITY', { bids: list, ask: 1000, slots: 1, step: 1 })).toEqual([{ campaignId: 'top', buyerOrgId: 'top', price: 2001 }]);
  });
  it('skips a tier whose bids are all under the ask', () => {
    const list = [bid('low', 9000, { priority: 1 }), bid('low2', 4000, { priority: 1 }), bid('top', 900, { priority: 5 })];
    expect(distributeLead('PRIORITY', { bids: list, ask: 1000, slots: 1, step: 1 })).toEqual([{ campaignId: 'low', buyerOrgId: 'low', price: 4001 }]);
  });
  it('fills a shared lead tier by tier: a tier without a loser pays the ask, the next tier prices among its own bids', () => {
    const list = [bid('a', 3000, { priority: 2 }), bid('b', 8000, { priority: 1 }), bid('c', 5000, { priority: 1 }), bid('d', 4000, { priority: 1 })];
    expect(distributeLead('PRIORITY', { bids: list, ask: 1000, slots: 3, step: 1 })).toEqual([
      { campaignId: 'a', buyerOrgId: 'a', price: 1000 },
      { campaignId: 'b', buyerOrgId: 'b', price: 4001 },
      { campaignId: 'c', buyerOrgId: 'c', price: 4001 },
    ]);
  });
  it('lets a buyer win once across tiers', () => {
    const list = [bid('a1', 3000, { priority: 2, buyerOrgId: 'A' }), bid('a2', 8000, { priority: 1, buyerOrgId: 'A' }), bid('b', 5000, { priority: 1 })];
    expect(ids(distributeLead('PRIORITY', { bids: list, ask: 1000, slots: 2, step: 1 }))).toEqual(['a1', 'b']);
  });
  it('is AUCTION when every campaign has the same priority', () => {
    fc.assert(
      fc.property(bids.map(uniqueCampaigns), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 4 }), (list, ask, slots) => {
        const flat = list.map((b) => ({ ...b, priority: 7 }));
        expect(distributeLead('PRIORITY', { bids: flat, ask, slots, step: 1 })).toEqual(runAuction(flat, ask, slots, 1));
      }),
    );
  });
});

describe('ROUND_ROBIN', () => {
  it('serves the campaign served longest ago (never served first), at its own bid on the charge step', () => {
    const list = [bid('a', 5000), bid('b', 3005), bid('c', 4000)];
    const lastServed = new Map([
      ['a', 7],
      ['c', 9],
    ]);
    expect(distributeLead('ROUND_ROBIN', { bids: list, ask: 1000, slots: 1, step: 10, state: { lastServed } })).toEqual([
      { campaignId: 'b', buyerOrgId: 'b', price: 3000 },
    ]);
    expect(ids(distributeLead('ROUND_ROBIN', { bids: list, ask: 1000, slots: 2, step: 1, state: { lastServed: new Map([...lastServed, ['b', 8]]) } }))).toEqual(
      ['a', 'b'],
    );
  });
  it('skips a campaign under the ask and a second campaign of a buyer that already won', () => {
    const list = [bid('a', 500), bid('b1', 3000, { buyerOrgId: 'B' }), bid('b2', 3000, { buyerOrgId: 'B' }), bid('c', 3000)];
    const lastServed = new Map([['c', 3]]);
    expect(ids(distributeLead('ROUND_ROBIN', { bids: list, ask: 1000, slots: 3, step: 1, state: { lastServed } }))).toEqual(['b1', 'c']);
  });
  it('spreads N leads over k campaigns within ±1, whatever the starting state and the slots per lead', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
        (k, n, slotsWanted, start) => {
          const slots = Math.min(slotsWanted, k);
          const list = Array.from({ length: k }, (_, i) => bid(`c${i}`, 5000 + i));
          const lastServed = new Map<string, number>();
          start.slice(0, k).forEach((s, i) => s !== undefined && lastServed.set(`c${i}`, s));
          let seq = 100;
          const wins = new Map(list.map((b) => [b.campaignId, 0]));
          for (let lead = 0; lead < n; lead++) {
            // allocate-lead.ts stores a fresh sequence value on each award, in award order
            for (const a of distributeLead('ROUND_ROBIN', { bids: list, ask: 1000, slots, step: 1, state: { lastServed } })) {
              lastServed.set(a.campaignId, ++seq);
              wins.set(a.campaignId, wins.get(a.campaignId)! + 1);
            }
          }
          const counts = [...wins.values()];
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          expect(counts.reduce((s, c) => s + c, 0)).toBe(n * slots);
        },
      ),
    );
  });
});

describe('WEIGHTED', () => {
  it('charges the winner its own bid, rounded down to the step, never under the ask', () => {
    expect(ownBidPrice(4205, 1000, 10)).toBe(4200);
    expect(ownBidPrice(1005, 1005, 10)).toBe(1005);
    expect(distributeLead('WEIGHTED', { bids: [bid('a', 4205)], ask: 1000, slots: 1, step: 10, state: { random: () => 0.5 } })).toEqual([
      { campaignId: 'a', buyerOrgId: 'a', price: 4200 },
    ]);
  });
  it('maps the random number onto the weights in a fixed candidate order', () => {
    const list = [bid('b', 3000, { weight: 3 }), bid('a', 3000, { weight: 1 })];
    expect(ids(distributeLead('WEIGHTED', { bids: list, ask: 1000, slots: 1, step: 1, state: { random: () => 0.2 } }))).toEqual(['a']);
    expect(ids(distributeLead('WEIGHTED', { bids: list, ask: 1000, slots: 1, step: 1, state: { random: () => 0.3 } }))).toEqual(['b']);
    expect(ids(distributeLead('WEIGHTED', { bids: list, ask: 1000, slots: 1, step: 1, state: { random: () => 0.999999 } }))).toEqual(['b']);
  });
  it('draws without the winner’s buyer for the next slot', () => {
    const list = [bid('a1', 3000, { buyerOrgId: 'A', weight: 100 }), bid('a2', 3000, { buyerOrgId: 'A', weight: 100 }), bid('b', 3000)];
    expect(ids(distributeLead('WEIGHTED', { bids: list, ask: 1000, slots: 3, step: 1, state: { random: () => 0 } }))).toEqual(['a1', 'b']);
  });
  it('gives each campaign its weight’s share of 10,000 draws, within ±4σ of the binomial count', () => {
    // bound: the wins of a campaign with share p over N draws are Binomial(N, p); |wins − Np| ≤ 4·√(Np(1−p)) fails with
    // probability < 7·10⁻⁵ per campaign for a fair draw. The source is seeded, so the test is deterministic.
    const weights = [1, 2, 3, 4, 10];
    const list = weights.map((w, i) => bid(`c${i}`, 5000, { weight: w }));
    const total = weights.reduce((s, w) => s + w, 0);
    const N = 10_000;
    for (const seed of [1, 42, 2026]) {
      const random = seededRandom(seed, N);
      const wins = new Map<string, number>();
      for (let i = 0; i < N; i++) {
        const [a] = distributeLead('WEIGHTED', { bids: list, ask: 1000, slots: 1, step: 1, state: { random } });
        wins.set(a!.campaignId, (wins.get(a!.campaignId) ?? 0) + 1);
      }
      weights.forEach((w, i) => {
        const p = w / total;
        const sigma = Math.sqrt(N * p * (1 - p));
        expect(Math.abs((wins.get(`c${i}`) ?? 0) - N * p)).toBeLessThanOrEqual(4 * sigma);
      });
    }
  });
});
