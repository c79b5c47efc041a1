// One lead's distribution inside allocation's transaction (allocate-lead.ts): the segment's method, the state it
// needs (round-robin's last wins, read after the campaigns are locked; a random source), and the pure rules.
import { schema, type Db } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import type { SegmentDefinition } from '../leads/lead.types';
import type { Award, Bid } from './campaign.rules';
import { distributeLead, distributionMethodOf } from './distribution.rules';
import { NO_MARGIN, type MarginPolicy } from './margin.rules';

const { campaigns } = schema;

/** Uniform in [0, 1) with 48 random bits. */
const cryptoRandom = () => randomInt(0, 2 ** 48) / 2 ** 48;

/**
 * The awards for one lead under its segment's distribution method (AUCTION when the catalog no longer has the
 * segment). The caller holds the campaigns' row locks (campaign-money.ts bidsOf), so the round-robin state read here is the
 * latest any process committed, and recordWin moves each winner to the back before the lock is released.
 */
export async function distributeAwards(
  deps: AppDeps,
  tx: Db,
  segment: SegmentDefinition | undefined,
  bids: readonly Bid[],
  ask: number,
  slots: number,
  step: number,
): Promise<Award[]> {
  const method = distributionMethodOf(segment?.distributionMethod);
  const lastServed = new Map<string, number>();
  if (method === 'ROUND_ROBIN' && bids.length) {
    const rows = await tx
      .select({ id: campaigns.id, seq: campaigns.lastAllocatedSeq })
      .from(campaigns)
      .where(
        inArray(
          campaigns.id,
          bids.map((b) => b.campaignId),
        ),
      );
    for (const r of rows) if (r.seq != null) lastServed.set(r.id, r.seq);
  }
  return distributeLead(method, { bids, ask, slots, step, state: { lastServed, random: deps.random ?? cryptoRandom } });
}

/** The segment's margin on exchange sales; none when the catalog no longer has the segment. */
export function segmentMargin(segment: SegmentDefinition | undefined): MarginPolicy {
  return segment?.margin ?? NO_MARGIN;
}
