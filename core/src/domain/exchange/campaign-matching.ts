// Which campaigns take a lead: the partial GIN index campaigns_match_keys_idx (migration 0015) finds the active
// campaigns whose segment, country and city lists may take it, and the exact filter and schedule run here. Either
// every such campaign (matchingCampaigns), or the best max bids first, a page at a time, only as far as an auction
// needs (rankedCampaigns, issue 17: an INSURANCE lead matches 833 of 10,000 campaigns in the bench, and 2 decide it).
import { schema, sql, type CampaignKind, type Db } from '@leadex/db';
import { and, asc, desc, eq, getTableColumns, ne, notExists, or, type Placeholder, type SQL } from 'drizzle-orm';
import { builtOnce, slot, slots, slotValues } from '../shared/built-once';
import type { AppDeps } from '../app-deps';
import type { TLeadFilter } from '../leads/lead-filter';
import { parseDecimal } from '../shared/money';
import { auctionDecided, campaignBid } from './bid-ranking.rules';
import { leadMatchKeys } from './campaign-match-keys.rules';
import { inSchedule, leadMatchesFilter, type AuctionLead, type Bid, type ScheduleWindow } from './campaign.rules';
import { moneyColumns, type CampaignWithMoney } from './campaign-money';

const { campaigns, orderLines, buyerSuppressions } = schema;
type CampaignRow = typeof campaigns.$inferSelect;

/** The lead as matching reads it: the filter's fields, the seller and the keys' inputs. */
export type MatchedLead = Omit<AuctionLead, 'sellerQuality'> & { sellerOrgId: string };

type Value<T> = T | Placeholder;

/**
 * The index's condition and the columns it cannot answer: exclusivity, not the seller's own buyer side; each value
 * may be a built-once statement's slot.
 */
function matchConditions(m: {
  keys: readonly Value<string>[];
  exclusivity: Value<MatchedLead['exclusivity']>;
  sellerOrgId: Value<string>;
  kind?: Value<CampaignKind>;
  onlyCampaignId?: string;
}): SQL {
  return and(
    sql`${campaigns.active}`,
    sql`campaign_match_keys(${campaigns.filter}) && ARRAY[${sql.join(
      m.keys.map((k) => sql`${k}`),
      sql`, `,
    )}]::text[]`,
    eq(campaigns.exclusivity, m.exclusivity),
    ne(campaigns.buyerOrgId, m.sellerOrgId),
    ...(m.onlyCampaignId ? [eq(campaigns.id, m.onlyCampaignId)] : []),
    ...(m.kind ? [eq(campaigns.kind, m.kind)] : []),
  )!;
}

/** matchConditions of a lead's own values. */
const matchingLead = (lead: MatchedLead, kind?: CampaignKind, onlyCampaignId?: string) =>
  matchConditions({ keys: leadMatchKeys(lead), exclusivity: lead.exclusivity, sellerOrgId: lead.sellerOrgId, kind, onlyCampaignId });

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
    .where(matchingLead(lead, kind, onlyCampaignId));
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
  const read: CampaignWithMoney[] = [];
  const bids: Bid[] = [];
  let after: { maxBid: number; id: string } | null = null;
  for (;;) {
    const rows = await rankedPage(db, lead, opts.lead ?? null, after, pageSize, now);
    // a row of the read is a campaign with its money already (RANKED's flat selection)
    for (const c of rows) {
      if (!takesLead(c, { ...lead, sellerQuality }, deps.config.PLATFORM_CURRENCY, now)) continue;
      read.push(c);
      const bid = campaignBid(c);
      if (bid) bids.push(bid);
    }
    const last = rows[rows.length - 1];
    const nextMaxBid = rows.length < pageSize || !last ? null : last.maxBid;
    if (auctionDecided(bids, opts.ask, opts.slots, nextMaxBid)) return { campaigns: read, bids, nextMaxBid };
    after = { maxBid: last!.maxBid, id: last!.id };
    pageSize = Math.min(MAX_PAGE, pageSize * 2);
  }
}

/** Buyers who already hold the lead, or have one of its `hashes` phone/e-mail hashes on their own list, are not offered it. */
function notHeldOrSuppressing(hashes: number): SQL[] {
  return [
    notExists(
      sql`(SELECT 1 FROM ${orderLines} WHERE ${orderLines.leadId} = ${slot('leadId')} AND ${orderLines.active} AND ${orderLines.buyerOrgId} = ${campaigns.buyerOrgId})`,
    ),
    ...(hashes
      ? [
          notExists(
            sql`(SELECT 1 FROM ${buyerSuppressions} WHERE ${buyerSuppressions.buyerOrgId} = ${campaigns.buyerOrgId} AND ${buyerSuppressions.hash} IN (${sql.join(slots('hash', hashes), sql`, `)}))`,
          ),
        ]
      : []),
  ];
}

const RANKED = { ...getTableColumns(campaigns), ...moneyColumns(slot('now')) };
// a page of the ranked read, built once per shape (issue 17: drizzle built it per page, ~0.1 ms of API CPU each):
// how many match keys, how many contact hashes (-1: no listed lead to leave out), whether it continues a page
const rankedPageStatement = builtOnce((db, keys: number, hashes: number, continued: boolean) => {
  const conditions: SQL[] = [
    matchConditions({ keys: slots('key', keys), exclusivity: slot('exclusivity'), sellerOrgId: slot('seller'), kind: slot('kind') }),
    ...(hashes >= 0 ? notHeldOrSuppressing(hashes) : []),
    ...(continued
      ? [or(sql`${campaigns.maxBid} < ${slot('afterBid')}`, and(eq(campaigns.maxBid, slot('afterBid')), sql`${campaigns.id} > ${slot('afterId')}`))!]
      : []),
  ];
  return db
    .select(RANKED)
    .from(campaigns)
    .where(and(...conditions))
    .orderBy(desc(campaigns.maxBid), asc(campaigns.id))
    .limit(slot('limit'));
}, RANKED);

/** INTERNAL campaigns matching the lead by its keys (matchConditions' cut), best max bid first, after `after`. */
function rankedPage(
  db: Db,
  lead: MatchedLead,
  listed: { id: string; hashes: string[] } | null,
  after: { maxBid: number; id: string } | null,
  limit: number,
  now: Date,
) {
  const keys = leadMatchKeys(lead);
  return rankedPageStatement(db, [keys.length, listed ? listed.hashes.length : -1, after != null], {
    ...slotValues('key', keys),
    exclusivity: lead.exclusivity,
    seller: lead.sellerOrgId,
    kind: 'INTERNAL',
    leadId: listed?.id ?? null,
    ...slotValues('hash', listed?.hashes ?? []),
    afterBid: after?.maxBid ?? null,
    afterId: after?.id ?? null,
    limit,
    // a slot compared with a column is not encoded by it: the time goes as ISO text
    now: now.toISOString(),
  });
}
