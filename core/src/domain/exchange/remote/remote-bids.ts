// The part of an auction before its transaction: which REMOTE campaigns take this listed lead (the same filter,
// schedule, held-lead and own-contact cuts as allocation) and what they bid, from pinging them all; meanwhile the
// internal campaigns that take it are read too (all of them, or the best bids as far as an auction needs), so the
// transaction only locks and re-reads the ones that matter.
import { schema, type CampaignKind } from '@leadex/db';
import type { AppDeps } from '../../app-deps';
import { freeCapacity } from '../../orders/capacity.rules';
import type { Resolver } from '../../shared/outbound/ssrf-guard';
import { buyersSuppressing } from '../../suppression/suppression-lookups';
import type { CampaignRow } from '../campaigns.service';
import type { RankedCampaigns } from '../campaign-matching';
import { holdersOf, leadForAuction } from '../lead-for-auction';
import { pingRemoteCampaigns, type PingRound } from './ping-remote';

const { leads } = schema;

/** allocate-lead.ts's matchingCampaigns, passed in (allocation calls this module; an import back would be a cycle) */
export type MatchCampaigns = (
  deps: AppDeps,
  db: AppDeps['db'],
  lead: typeof leads.$inferSelect,
  sellerQuality: number,
  kind: CampaignKind,
) => Promise<CampaignRow[]>;

/** The internal campaigns that take the lead: every one, or (`ranked`) the best bids until the auction is decided. */
export type ReadInternal = (
  deps: AppDeps,
  db: AppDeps['db'],
  lead: typeof leads.$inferSelect,
  sellerQuality: number,
) => Promise<{ campaigns: CampaignRow[]; ranked: RankedCampaigns | null }>;

export interface PreparedAuction {
  round: PingRound;
  /**
   * Every campaign (internal and remote) whose filter and schedule take the lead, read without locks while the
   * pings were out; null when the lead could not be sold when it was read (the transaction decides again).
   */
  matched: CampaignRow[] | null;
  /** when the internal campaigns were read best bid first: only those, and the estimate of their bids */
  ranked?: RankedCampaigns | null;
  /** the lead as read then (its contact hashes do not change while it is on sale) */
  lead?: typeof leads.$inferSelect;
}

/** Pings the remote campaigns that could buy the lead now, and reads the internal ones that match it meanwhile. */
export async function prepareAuction(
  deps: AppDeps,
  leadId: string,
  match: MatchCampaigns,
  readInternal: ReadInternal,
  resolve?: Resolver,
): Promise<PreparedAuction> {
  const auctionStart = performance.now();
  const none: PreparedAuction = { round: { bids: new Map(), calls: [], elapsedMs: 0 }, matched: null };
  const found = await leadForAuction(deps.db, leadId);
  if (!found || freeCapacity(found.lead, deps.clock()) === 0 || found.sellerSuspended) return none;
  const { lead, sellerQuality } = found;
  // the remote buyers are found and pinged while the internal campaigns are read
  const pingRemote = async () => {
    const remote = await match(deps, deps.db, lead, sellerQuality, 'REMOTE');
    const held = remote.length ? await holdersOf(deps.db, leadId) : new Set<string>();
    const open = remote.filter((c) => !held.has(c.buyerOrgId));
    const ownContact = await buyersSuppressing(
      deps.db,
      open.map((c) => c.buyerOrgId),
      lead,
    );
    const round = await pingRemoteCampaigns(
      deps,
      open.filter((c) => !ownContact.has(c.buyerOrgId)),
      { leadId, lead, ask: lead.price, currency: lead.currency },
      resolve,
      auctionStart,
    );
    return { round, remote };
  };
  const [{ round, remote }, internal] = await Promise.all([pingRemote(), readInternal(deps, deps.db, lead, sellerQuality)]);
  return { round, matched: [...internal.campaigns, ...remote], ranked: internal.ranked, lead };
}
