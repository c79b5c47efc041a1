// Allocation (worker `allocation`): when leads are listed, matching campaigns bid for them. Everything for
// one lead — the auction, the sales, wallet debits, budget and daily-cap counters, the ledger — happens in
// one transaction under locks on the lead, the buyers and the campaigns, so no campaign overspends. REMOTE
// campaigns (issue 14) are pinged before it, outside any lock, while the matching campaigns are read (the
// transaction locks and re-reads those: their money is always current); a remote winner gets the lead posted
// inside it, and when it refuses, the next bidder in rank order is offered the lead at its own clearing price.
// An AUCTION segment's lead reads only the best bids and locks only the campaigns that decide it (issue 17):
// when their money changed meanwhile, the lead is allocated again with every matching campaign locked.
import { schema, type Db } from '@leadex/db';
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { loadSegments } from '../catalog/catalog.service';
import type { SegmentDefinition } from '../leads/lead.types';
import { freeCapacity } from '../orders/capacity.rules';
import { commissionBpsOf } from '../orders/commission.rules';
import { buyersSuppressing, leadHashes } from '../suppression/suppression-lookups';
import { chargeStep, type Money } from '../shared/money';
import { auctionContenders, auctionDecided } from './bid-ranking.rules';
import { matchingCampaigns, rankedCampaigns } from './campaign-matching';
import { bidsOf, type CampaignWithMoney } from './campaign-money';
import { recordWins, type WonAward } from './campaign-win-writes';
import { holdersOf, leadForAuction } from './lead-for-auction';
import type { Award, Bid } from './campaign.rules';
import { distributeAwards, segmentMargin } from './distribute-awards';
import { distributionMethodOf } from './distribution.rules';
import { enqueueDeliveryJobs } from './deliveries.service';
import { withFallbacks } from './remote/auction-fallback.rules';
import { postToRemote } from './remote/post-remote';
import { prepareAuction, type PreparedAuction, type ReadInternal } from './remote/remote-bids';
import { logRemoteCalls, pauseFailingCampaigns, type RemoteCall } from './remote/remote-log';

const { leads } = schema;
type LeadRow = typeof leads.$inferSelect;
type CampaignRow = typeof schema.campaigns.$inferSelect;

export interface AllocationResult {
  leadId: string;
  sold: (Award & { purchaseId: string; /** a remote buyer accepted it by post: the post was its delivery */ posted?: boolean })[];
  /** the deliveries written with the sales (one per win not posted whose buyer has an endpoint), queued after commit */
  deliveryIds: string[];
}

/** How a transaction takes part in the auction: only the campaigns that decide it, or every matching one. */
type LockScope = 'deciders' | 'all';
/** The deciders' money changed between the ranking and their locks: allocate again, locking every campaign. */
const AGAIN = Symbol('allocate again with every campaign locked');

/** The internal campaigns before the transaction: the best bids for an AUCTION segment, every one otherwise. */
function internalReader(segment: SegmentDefinition | undefined): ReadInternal {
  if (distributionMethodOf(segment?.distributionMethod) !== 'AUCTION')
    return async (deps, db, lead, q) => ({ campaigns: await matchingCampaigns(deps, db, lead, q, undefined, 'INTERNAL'), ranked: null });
  return async (deps, db, lead, q) => {
    const hashes = leadHashes(lead).map((h) => h.hash);
    const ranked = await rankedCampaigns(deps, db, lead, q, { ask: lead.price, slots: freeCapacity(lead, deps.clock()), lead: { id: lead.id, hashes } });
    return { campaigns: ranked.campaigns, ranked };
  };
}

/**
 * The AUCTION's awards from the ranked estimate, when it still decides the auction for the lead as it is now (its
 * free slots, the buyers who hold it or suppress it) and the deciders' bids under their locks are what the
 * estimate said; AGAIN otherwise. Only the deciders are locked: no one else can win or set the price.
 */
async function decidedAwards(
  deps: AppDeps,
  tx: Db,
  lead: LeadRow,
  slots: number,
  ranked: NonNullable<PreparedAuction['ranked']>,
  excluded: ReadonlySet<string>,
  segment: SegmentDefinition | undefined,
): Promise<Decided | typeof AGAIN> {
  const estimate = ranked.bids.filter((b) => !excluded.has(b.buyerOrgId));
  if (!auctionDecided(estimate, lead.price, slots, ranked.nextMaxBid)) return AGAIN;
  const deciders = auctionContenders(estimate, lead.price, slots);
  const locked = await bidsOf(
    deps,
    tx,
    deciders.map((b) => ({ id: b.campaignId, buyerOrgId: b.buyerOrgId })),
    true,
  );
  const fresh = new Map(locked.bids.map((b) => [b.campaignId, b.maxBid]));
  if (deciders.some((b) => fresh.get(b.campaignId) !== b.maxBid)) return AGAIN;
  const step = chargeStep(lead.currency);
  const awards = await distributeAwards(deps, tx, segment, deciders, lead.price, slots, step);
  return { awards, bids: deciders, locked: locked.rows, rows: ranked.campaigns };
}

/** The awards, the bids they came from, the campaigns as locked (their money) and as matched (kind, URLs). */
interface Decided {
  awards: Award[];
  bids: Bid[];
  locked: CampaignWithMoney[];
  rows: readonly CampaignRow[];
}

/**
 * Every campaign that takes the lead, locked: `matched` when read before the transaction (all of them), else read
 * now; with `fixed`, only that campaign at that price; otherwise the segment's distribution method.
 */
async function everyBidAwards(
  deps: AppDeps,
  tx: Db,
  auction: { lead: LeadRow; sellerQuality: number; slots: number; held: ReadonlySet<string>; segment: SegmentDefinition | undefined },
  matched: readonly CampaignRow[] | null,
  remote: PreparedAuction['round']['bids'],
  fixed: { campaignId: string; price: Money } | undefined,
): Promise<Decided | null> {
  const { lead, held } = auction;
  const candidates = (matched ?? (await matchingCampaigns(deps, tx, lead, auction.sellerQuality, fixed?.campaignId))).filter((c) => !held.has(c.buyerOrgId));
  // a buyer's own contacts are never sold back to them, by a campaign or a ping's post
  const ownContact = await buyersSuppressing(
    tx,
    candidates.map((c) => c.buyerOrgId),
    lead,
  );
  const open = candidates.filter((c) => !ownContact.has(c.buyerOrgId));
  if (!open.length) return null;
  const { bids, rows: locked } = await bidsOf(deps, tx, open, true, remote);
  const awards = fixed
    ? bids
        .filter((b) => b.campaignId === fixed.campaignId && b.maxBid >= fixed.price.amount)
        .map((b) => ({ campaignId: b.campaignId, buyerOrgId: b.buyerOrgId, price: fixed.price.amount }))
    : await distributeAwards(deps, tx, auction.segment, bids, lead.price, auction.slots, chargeStep(lead.currency));
  return { awards, bids, locked, rows: open };
}

/**
 * Offers a listed lead to the matching campaigns. With `fixed` (ping-post) only that campaign may buy, at that
 * price. Safe twice: a lead with no capacity left, or already held by a buyer, is not sold to them again.
 */
export async function allocateLead(
  deps: AppDeps,
  leadId: string,
  fixed?: { campaignId: string; price: Money; /** a remote winner's reference from the seller's ping */ reference?: string | null },
  segmentList?: SegmentDefinition[],
): Promise<AllocationResult> {
  // the catalog is read while the lead is (the reader below needs the lead's segment's method)
  const catalog = (segmentList ? Promise.resolve(segmentList) : loadSegments(deps.db)).then((list) => new Map(list.map((s) => [s.code, s])));
  catalog.catch(() => {}); // awaited below; if the auction fails first, its error is the one that surfaces
  // remote buyers are asked first, with no lock held; for a seller's ping-post sale they bid when the seller pinged
  const pre: PreparedAuction = fixed
    ? {
        round: {
          bids: new Map([[fixed.campaignId, { campaignId: fixed.campaignId, amount: fixed.price.amount, reference: fixed.reference ?? null }]]),
          calls: [],
          elapsedMs: 0,
        },
        matched: null,
      }
    : await prepareAuction(
        deps,
        leadId,
        (d, db, l, q, kind) => matchingCampaigns(d, db, l, q, undefined, kind),
        async (d, db, l, q) => internalReader((await catalog).get(l.segment))(d, db, l, q),
      );
  const segments = await catalog;
  const remote = pre.round.bids;
  const posts: RemoteCall[] = [];
  // the pings' log is written beside the transaction, off the auction's path (each call carries the time it was sent)
  const pingLog = logRemoteCalls(deps.db, pre.round.calls).catch((err: unknown) => deps.logger.error({ err, leadId }, 'remote ping log not written'));
  const auction = (scope: LockScope) =>
    deps.db.transaction(async (tx): Promise<AllocationResult | typeof AGAIN> => {
      const now = deps.clock();
      // the ranked read leaves out the campaigns that cannot win: a remote bidder's refused post needs them all
      const ranked = scope === 'deciders' && remote.size === 0 ? pre.ranked : null;
      // one round trip: the lead's lock, then who holds the lead and (ranked) which ranked buyers suppress its contact,
      // read after the lock as the statements run in order
      const [found, held, suppressing] = await Promise.all([
        leadForAuction(tx, leadId, true),
        holdersOf(tx, leadId),
        ranked && pre.lead
          ? buyersSuppressing(
              tx,
              ranked.bids.map((b) => b.buyerOrgId),
              pre.lead,
            )
          : new Set<string>(),
      ]);
      const slots = found ? freeCapacity(found.lead, now) : 0;
      if (!found || slots === 0 || found.sellerSuspended) return { leadId, sold: [], deliveryIds: [] };
      const { lead, sellerQuality } = found;
      const segment = segments.get(lead.segment);
      const step = chargeStep(lead.currency);
      const decided = ranked
        ? await decidedAwards(deps, tx, lead, slots, ranked, new Set([...held, ...suppressing]), segment)
        : await everyBidAwards(deps, tx, { lead, sellerQuality, slots, held, segment }, pre.ranked ? null : pre.matched, remote, fixed);
      if (decided === AGAIN) return AGAIN;
      if (!decided) return { leadId, sold: [], deliveryIds: [] };
      const { awards, bids, locked, rows } = decided;
      const byId = new Map(rows.map((c) => [c.id, c]));
      const won: WonAward[] = [];
      // a remote winner's refused post passes its slot down the ranking; a ping-post sale has no one to pass it to
      for (const award of fixed ? awards : withFallbacks(awards, bids, lead.price, step)) {
        if (won.length === awards.length) break;
        const c = byId.get(award.campaignId)!;
        if (c.kind === 'REMOTE') {
          const { accepted, call } = await postToRemote(deps, tx, c, lead, award, remote.get(c.id)?.reference ?? null);
          posts.push(call);
          if (!accepted) continue;
        }
        won.push({ ...award, ...(c.kind === 'REMOTE' ? { posted: true } : {}) });
      }
      const { purchaseIds, deliveryIds } = await recordWins(tx, lead, won, new Map(locked.map((c) => [c.id, c])), {
        commissionBps: commissionBpsOf(segment),
        margin: segmentMargin(segment),
        walletLowThreshold: deps.config.WALLET_LOW_THRESHOLD_MINOR,
        now,
      });
      const sold = won.map((w, i) => ({ ...w, purchaseId: purchaseIds[i]! }));
      return { leadId, sold, deliveryIds };
    });
  const first = await auction('deciders');
  const result = first === AGAIN ? await auction('all') : first;
  if (result === AGAIN) throw new Error('unreachable: a transaction locking every campaign decides');
  await pingLog;
  await pauseFailingCampaigns(deps, [...pre.round.calls, ...posts]);
  // the delivery rows committed with the sales; a failed enqueue leaves them PENDING (logged), as before
  await enqueueDeliveryJobs(deps, result.deliveryIds);
  return result;
}

/** The allocation job: every lead the batch's verdict put on the market, in id order. */
export async function allocateBatch(deps: AppDeps, batchId: string): Promise<{ leads: number; sold: number }> {
  const listed = await deps.db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.batchId, batchId), eq(leads.status, 'LISTED')))
    .orderBy(asc(leads.id));
  const segments = await loadSegments(deps.db);
  let sold = 0;
  for (const { id } of listed) sold += (await allocateLead(deps, id, undefined, segments)).sold.length;
  return { leads: listed.length, sold };
}
