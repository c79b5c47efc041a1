// How a listed lead is distributed among the campaigns that can pay for it, pure (docs/domain.md, Exchange:
// distribution methods). A segment's operator picks the method; allocate-lead.ts gathers the bids and the
// method's state and records the awards.
import { runAuction, type Award, type Bid } from './campaign.rules';
import { DISTRIBUTION_METHODS, type DistributionMethod } from './distribution.types';

export { DISTRIBUTION_METHODS, type DistributionMethod };

export const DEFAULT_DISTRIBUTION_METHOD: DistributionMethod = 'AUCTION';

/** A campaign's place in PRIORITY (higher first) when it has none set. */
export const DEFAULT_PRIORITY = 0;
/** A campaign's weight in WEIGHTED when it has none set; weights are integers ≥ 1. */
export const DEFAULT_WEIGHT = 1;
/** The bounds a buyer may set (campaigns.service.ts): priority 0–1000, weight 1–1000. */
export const MAX_PRIORITY = 1000;
export const MAX_WEIGHT = 1000;

export interface DistributionState {
  /**
   * ROUND_ROBIN: when each campaign was last served, as an ordinal that only grows (campaigns.last_allocated_seq, from
   * a database sequence, so it orders wins across processes); a campaign missing from the map was never served.
   */
  lastServed?: ReadonlyMap<string, number>;
  /** WEIGHTED: a uniform random number in [0, 1), one per draw (injected so tests are deterministic). */
  random?: () => number;
}

export interface DistributionInput {
  bids: readonly Bid[];
  /** the seller's ask: no bid under it takes part, and no award is priced under it */
  ask: number;
  slots: number;
  /** chargeStep(currency): every price is a multiple of it when the ask is */
  step: number;
  state?: DistributionState;
}

const priorityOf = (b: Bid) => b.priority ?? DEFAULT_PRIORITY;
const weightOf = (b: Bid) => Math.max(1, Math.floor(b.weight ?? DEFAULT_WEIGHT));
const byAge = (a: Bid, b: Bid) => a.createdAt.getTime() - b.createdAt.getTime() || (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0);

/**
 * What a fixed-price method (ROUND_ROBIN, WEIGHTED) charges the winner: its own bid (already capped by its budget and
 * wallet), rounded down to the charge step, never under the ask. The bid is at least the ask, so this is never above it.
 */
export function ownBidPrice(maxBid: number, ask: number, step: number): number {
  return Math.max(ask, maxBid - (maxBid % step));
}

const award = (b: Bid, price: number): Award => ({ campaignId: b.campaignId, buyerOrgId: b.buyerOrgId, price });

/**
 * PRIORITY: tiers by campaign priority, highest first. The highest tier with a bid at the ask fills the slots it can by
 * a second-price auction among its own bids (a lower tier's bid never sets a higher tier's price); slots left over go
 * to the next tier the same way. One win per buyer across tiers. With every priority equal this is AUCTION exactly.
 */
function byPriority({ bids, ask, slots, step }: DistributionInput): Award[] {
  const tiers = [...new Set(bids.map(priorityOf))].sort((a, b) => b - a);
  const awards: Award[] = [];
  for (const tier of tiers) {
    const left = slots - awards.length;
    if (left <= 0) break;
    const won = new Set(awards.map((a) => a.buyerOrgId));
    awards.push(
      ...runAuction(
        bids.filter((b) => priorityOf(b) === tier && !won.has(b.buyerOrgId)),
        ask,
        left,
        step,
      ),
    );
  }
  return awards;
}

/**
 * ROUND_ROBIN: among the bids at the ask, the campaigns served longest ago win (never served first; ties: the older
 * campaign, then the id), one per buyer, each at its own bid. Serving a winner moves it to the back, so N leads over
 * the same k campaigns give each ⌊N/k⌋ or ⌈N/k⌉.
 */
function byRoundRobin({ bids, ask, slots, step, state }: DistributionInput): Award[] {
  const served = state?.lastServed ?? new Map<string, number>();
  const order = (b: Bid) => served.get(b.campaignId) ?? -Infinity;
  const ranked = bids.filter((b) => b.maxBid >= ask).sort((a, b) => order(a) - order(b) || byAge(a, b));
  const awards: Award[] = [];
  for (const b of ranked) {
    if (awards.length >= slots) break;
    if (!awards.some((a) => a.buyerOrgId === b.buyerOrgId)) awards.push(award(b, ownBidPrice(b.maxBid, ask, step)));
  }
  return awards;
}

/**
 * WEIGHTED: among the bids at the ask, one draw per slot, a campaign's chance its weight over the weights left; a
 * winner's buyer leaves the draw (one win per buyer). Each winner pays its own bid. Candidates are in a fixed order
 * (age, then id), so a given random source gives the same result.
 */
function byWeight({ bids, ask, slots, step, state }: DistributionInput): Award[] {
  const random = state?.random ?? Math.random;
  let pool = bids.filter((b) => b.maxBid >= ask).sort(byAge);
  const awards: Award[] = [];
  while (awards.length < slots && pool.length) {
    const total = pool.reduce((s, b) => s + weightOf(b), 0);
    let point = Math.min(Math.floor(random() * total), total - 1);
    const winner = pool.find((b) => (point -= weightOf(b)) < 0)!;
    awards.push(award(winner, ownBidPrice(winner.maxBid, ask, step)));
    pool = pool.filter((b) => b.buyerOrgId !== winner.buyerOrgId);
  }
  return awards;
}

/**
 * The awards of one lead under a distribution method, in the order they are made, each with its price: who buys
 * the lead's `slots` and at what price. Every method takes only bids at the ask and gives one win per buyer.
 */
export function distributeLead(method: DistributionMethod, input: DistributionInput): Award[] {
  if (input.slots <= 0) return [];
  switch (method) {
    case 'AUCTION':
      return runAuction(input.bids, input.ask, input.slots, input.step);
    case 'PRIORITY':
      return byPriority(input);
    case 'ROUND_ROBIN':
      return byRoundRobin(input);
    case 'WEIGHTED':
      return byWeight(input);
  }
}

/** A stored method name, or the default for anything else (a row written before the column existed reads AUCTION). */
export function distributionMethodOf(value: string | null | undefined): DistributionMethod {
  return (DISTRIBUTION_METHODS as readonly string[]).includes(value ?? '') ? (value as DistributionMethod) : DEFAULT_DISTRIBUTION_METHOD;
}
