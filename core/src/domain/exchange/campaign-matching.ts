// Which campaigns take a lead: the partial GIN index campaigns_match_keys_idx (migration 0015) finds the active
// campaigns whose segment, country and city lists may take it, and the exact filter and schedule run here. Either
// every such campaign (matchingCampaigns), or the best max bids first, a page at a time, only as far as an auction
// needs (rankedCampaigns, issue 17: an INSURANCE lead matches 833 of 10,000 campaigns in the bench, and 2 decide it).
import { schema, sql, type CampaignKind, type Db } from '@leadex/db';
import { and, asc, desc, eq, ne, notExists, or, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import type { TLeadFilter } from '../leads/lead-filter';
import { parseDecimal } from '../shared/money';
import { auctionDecided, campaignBid } from './bid-ranking.rules';
import { leadMatchKeys } from './campaign-match-keys.rules';
import { inSchedule, leadMatchesFilter, type AuctionLead, type Bid, type ScheduleWindow } from './campaign.rules';
import { moneyColumns, withMoney, type CampaignWithMoney } from './campaign-money';

const { campaigns, orderLines, buyerSuppressions } = schema;
type CampaignRow = typeof campaigns.$inferSelect;

/** The lead as matching reads it: the filter's fields, the seller and the keys' inputs. */
export type MatchedLead = Omit<AuctionLead, 'sellerQuality'> & { sellerOrgId: string };

/** The index's condition and the columns it cannot answer: exclusivity, not the seller's own buyer side. */
function matchConditions(lead: MatchedLead, kind?: CampaignKind, onlyCampaignId?: string): SQL {
  return and(
    sql`${campaigns.active}`,
    sql`campaign_match_keys(${campaigns.filter}) && ARRAY[${sql.join(
      leadMatchKeys(lead).map((k) => sql`${k}`),
      sql`, `,
    )}]::text[]`,
    eq(campaigns.exclusivity, lead.exclusivity),
    ne(campaigns.buyerOrgId, lead.sellerOrgId),
    ...(onlyCampaignId ? [eq(campaigns.id, onlyCampaignId)] : []),
    ...(kind ? [eq(campaigns.kind, kind)] : []),
  )!;
}

/** The exact filter and the schedule, on one campaign the index returned. */
function takesLead(c: CampaignRow, lead: AuctionLead, currency: string, now: Date): boolean {
  const f = c.filter as TLeadFilter;
  // createCampaign refuses prices with too many digits; one stored before that matches nothing rather than everything
  const priced = {
    ...f,
    minPriceMinor: f.minPrice ? (parseDecimal(f.minPrice, currency) ?? Number.MAX_SAFE_INTEGER) : null,
    maxPriceMinor: f.maxPrice ? (parseDecimal(f.maxPrice, currency) ?? -1) : null,
  };
  return leadMatchesFilter(lead, priced, now) && inSchedule(c.schedule as ScheduleWindow[], c.timeZone, now);
}

/** Campaigns whose filter and schedule take this lead (before money checks); `kind`: only INTERNAL or REMOTE ones. */
export async function matchingCampaigns(
  deps: AppDeps,
  db: Db,
  lead: MatchedLead,
  sellerQuality: number,
  onlyCampaignId?: string,
  kind?: CampaignKind,
): Promise<CampaignRow[]> {
  const now = deps.clock();
  const candidates = await db
    .select()
    .from(campaigns)
    .where(matchConditions(lead, kind, onlyCampaignId));
  return candidates.filter((c) => takesLead(c, { ...lead, sellerQuality }, deps.config.PLATFORM_CURRENCY, now));
}

export interface RankedCampaigns {
  /** the campaigns read that take the lead, with what each can pay */
  campaigns: CampaignWithMoney[];
  /** their bids (campaignBid), without locks: an estimate a sale re-checks under its locks */
  bids: Bid[];
  /** the max bid every campaign not read stays at or under; null when all were read */
  nextMaxBid: number | null;
}

export interface RankedOptions {
  /** the seller's ask and the sales on offer: the auction the read must decide */
  ask: number;
  slots: number;
  /** a listed lead's id and contact hashes: buyers who hold it or suppress its contact are not read */
  lead?: { id: string; hashes: string[] };
  /** the first page's size (then each page twice the last, up to MAX_PAGE); by default four rows a bidder needed */
  pageSize?: number;
}

const MAX_PAGE = 256;

/**
 * INTERNAL campaigns that take the lead, best max bid first, a page at a time, until an auction for `slots` sales
 * at `ask` over the bids read is decided (auctionDecided): an auction over them gives the same awards as over all.
 */
export async function rankedCampaigns(deps: AppDeps, db: Db, lead: MatchedLead, sellerQuality: number, opts: RankedOptions): Promise<RankedCampaigns> {
  const now = deps.clock();
  // the winners and the best loser decide it: most often the first few rows do, unless their buyers cannot pay
  let pageSize = opts.pageSize ?? Math.max(8, 4 * (opts.slots + 1));
  const excluded = opts.lead ? notHeldOrSuppressing(opts.lead) : [];
  const read: CampaignWithMoney[] = [];
  const bids: Bid[] = [];
  let after: { maxBid: number; id: string } | null = null;
  for (;;) {
    const rows: { campaign: CampaignRow; wallet: number; winsToday: number }[] = await db
      .select({ campaign: campaigns, ...moneyColumns(now) })
      .from(campaigns)
      .where(
        and(
          matchConditions(lead, 'INTERNAL'),
          ...excluded,
          ...(after ? [or(sql`${campaigns.maxBid} < ${after.maxBid}`, and(eq(campaigns.maxBid, after.maxBid), sql`${campaigns.id} > ${after.id}`))!] : []),
        ),
      )
      .orderBy(desc(campaigns.maxBid), asc(campaigns.id))
      .limit(pageSize);
    for (const row of rows) {
      const c = withMoney(row);
      if (!takesLead(c, { ...lead, sellerQuality }, deps.config.PLATFORM_CURRENCY, now)) continue;
      read.push(c);
      const bid = campaignBid(c);
      if (bid) bids.push(bid);
    }
    const last = rows[rows.length - 1];
    const nextMaxBid = rows.length < pageSize || !last ? null : last.campaign.maxBid;
    if (auctionDecided(bids, opts.ask, opts.slots, nextMaxBid)) return { campaigns: read, bids, nextMaxBid };
    after = { maxBid: last!.campaign.maxBid, id: last!.campaign.id };
    pageSize = Math.min(MAX_PAGE, pageSize * 2);
  }
}

/** Buyers who already hold the lead, or have its phone or e-mail on their own list, are not offered it. */
function notHeldOrSuppressing(lead: { id: string; hashes: string[] }): SQL[] {
  return [
    notExists(
      sql`(SELECT 1 FROM ${orderLines} WHERE ${orderLines.leadId} = ${lead.id} AND ${orderLines.active} AND ${orderLines.buyerOrgId} = ${campaigns.buyerOrgId})`,
    ),
    ...(lead.hashes.length
      ? [
          notExists(
            sql`(SELECT 1 FROM ${buyerSuppressions} WHERE ${buyerSuppressions.buyerOrgId} = ${campaigns.buyerOrgId} AND ${buyerSuppressions.hash} IN ${lead.hashes})`,
          ),
        ]
      : []),
  ];
}
