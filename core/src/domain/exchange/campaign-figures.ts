// What a campaign has done and can expect: leads won, average price, win rate, last win, and how many listings
// a day its filter matches (over the last 30 days of listings, whatever became of them since).
import { queryRows, schema, sql } from '@leadex/db';
import { and, count, eq, gte, isNotNull } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { filterConditions, parseLeadFilter } from '../leads/lead-filter';
import { campaignFigureValues, FIGURES_WINDOW_DAYS, type CampaignFigureValues } from './campaign-figures.rules';
import type { CampaignRow } from './campaigns.service';

const { leads, organizations } = schema;

export type CampaignFigures = CampaignFigureValues & { currency: string; lastWonAt: Date | null; windowDays: number };

/** Listings since `since` that the campaign's filter matches (its age limit aside: every listing was fresh once). */
async function matchedListings(deps: AppDeps, campaign: CampaignRow, since: Date): Promise<number> {
  const filter = { ...parseLeadFilter(campaign.filter), maxAgeHours: null, statuses: null };
  const { where, needsSellerJoin } = filterConditions(filter, deps.clock(), campaign.currency);
  const base = deps.db.select({ n: count() }).from(leads);
  const joined = needsSellerJoin ? base.innerJoin(organizations, eq(organizations.id, leads.sellerOrgId)) : base;
  // leads_listed_at_idx: listings by time
  const [row] = await joined.where(and(isNotNull(leads.listedAt), gte(leads.listedAt, since), ...where));
  return Number(row?.n ?? 0);
}

/** The campaign's figures; only its buyer asks (the campaign row was read for them). */
export async function campaignFigures(deps: AppDeps, actor: Actor | null, campaign: CampaignRow): Promise<CampaignFigures> {
  const buyer = requireUser(actor, 'BUYER');
  const now = deps.clock();
  const since = new Date(now.getTime() - FIGURES_WINDOW_DAYS * 86_400_000);
  const empty = { wins: 0, total: '0', window_wins: 0, last_won_at: null };
  if (campaign.buyerOrgId !== buyer.organizationId)
    return {
      ...campaignFigureValues({ wins: 0, winsTotalMinor: 0, windowWins: 0, windowMatched: 0 }),
      currency: campaign.currency,
      lastWonAt: null,
      windowDays: FIGURES_WINDOW_DAYS,
    };
  const [wins = empty] = await queryRows<{ wins: number; total: string; window_wins: number; last_won_at: Date | null }>(
    deps.db,
    sql`SELECT count(*)::int AS wins, coalesce(sum(price), 0)::text AS total,
               (count(*) FILTER (WHERE won_at >= ${since.toISOString()}::timestamptz))::int AS window_wins,
               max(won_at) AS last_won_at
          FROM campaign_wins WHERE campaign_id = ${campaign.id}`,
  );
  const windowMatched = await matchedListings(deps, campaign, since);
  return {
    ...campaignFigureValues({ wins: Number(wins.wins), winsTotalMinor: Number(wins.total), windowWins: Number(wins.window_wins), windowMatched }),
    currency: campaign.currency,
    lastWonAt: wins.last_won_at ? new Date(wins.last_won_at) : null,
    windowDays: FIGURES_WINDOW_DAYS,
  };
}
