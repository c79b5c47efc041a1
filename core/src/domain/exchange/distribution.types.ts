// The names a segment's exchange policy is made of: its distribution method and its margin. No imports, so the
// segment definition (leads/lead.types.ts) can use them without an import cycle.

export const DISTRIBUTION_METHODS = ['AUCTION', 'PRIORITY', 'ROUND_ROBIN', 'WEIGHTED'] as const;
/**
 * AUCTION: highest bids win at a uniform second price (runAuction). PRIORITY: the highest priority tier with a bid at
 * the ask wins, at the second price within the tier. ROUND_ROBIN: the least recently served campaigns win, at their own
 * bid. WEIGHTED: campaigns drawn at random in proportion to their weight, at their own bid.
 */
export type DistributionMethod = (typeof DISTRIBUTION_METHODS)[number];

export const MARGIN_KINDS = ['NONE', 'FIXED', 'PERCENT'] as const;
export type MarginKind = (typeof MARGIN_KINDS)[number];

/** A segment's margin: FIXED in minor units of the platform currency, PERCENT in basis points (0–10 000). */
export interface MarginPolicy {
  kind: MarginKind;
  value: number;
}
