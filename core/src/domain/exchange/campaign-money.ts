// What campaigns can pay, read beside their rows in one statement: the buyer's wallet balance and the campaign's
// wins since local midnight (for its daily cap). A sale locks the buyers and then the campaigns and reads them
// fresh under the locks; a ping's offer and allocation's ranking read them without locks, as an estimate.
import { schema, sql, type Db } from '@leadex/db';
import { asc, inArray, type Placeholder, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { inOneRoundTrip } from '../shared/one-round-trip';
import { campaignBid } from './bid-ranking.rules';
import { winsSinceLocalMidnight } from './campaigns.service';
import type { Bid } from './campaign.rules';
import type { RemoteBid } from './remote/ping-remote';

const { campaigns, organizations, webhookEndpoints } = schema;
type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignWithMoney = CampaignRow & {
  wallet: number;
  winsToday: number;
  /** read with the sale's locks only: the endpoint a win is delivered to (null: none), as deliveryRoutes chooses it */
  deliveryTo?: string | null;
};

/**
 * Where a win of the campaign is delivered: the endpoint it chose while that is still its buyer's and active, else
 * the buyer's active default (deliveries.service.ts deliveryRoutes, for purchases already written, chooses alike).
 */
const deliveryTo = sql<string | null>`coalesce(
  (SELECT e.id FROM ${webhookEndpoints} e WHERE e.id = ${campaigns.deliveryEndpointId} AND e.buyer_org_id = ${campaigns.buyerOrgId} AND e.active),
  (SELECT e.id FROM ${webhookEndpoints} e WHERE e.buyer_org_id = ${campaigns.buyerOrgId} AND e.active AND e.is_default ORDER BY e.id LIMIT 1))`;

/** The wallet and wins-today columns, correlated to `campaigns` (one index probe each per campaign row). */
export function moneyColumns(now: Date | Placeholder) {
  return {
    // the account as buyerWallet() names it (ledger-accounts.ts); a wallet is a liability: its balance is minus the sum
    wallet: sql<number>`(SELECT coalesce(-sum(p.amount), 0) FROM ledger_postings p WHERE p.account = 'buyer:' || ${campaigns.buyerOrgId} || ':wallet')`.mapWith(
      Number,
    ),
    // only a capped campaign needs them counted
    winsToday: sql<number>`CASE WHEN ${campaigns.dailyCap} IS NULL THEN 0 ELSE ${winsSinceLocalMidnight(now)} END`.mapWith(Number),
  };
}

export function withMoney({
  campaign,
  ...beside
}: {
  campaign: CampaignRow;
  wallet: number;
  winsToday: number;
  deliveryTo?: string | null;
}): CampaignWithMoney {
  return { ...campaign, ...beside };
}

/**
 * The campaigns with their money, read again. With `lock` (a sale follows) their buyers' organisation rows and then
 * the campaigns are locked first, each by id — the lock order everywhere. Organisation rows are locked FOR NO KEY
 * UPDATE: lockers still queue behind each other, but inserts that only reference the row (its foreign-key check
 * takes FOR KEY SHARE: a ping, a purchase) do not wait for them.
 */
export async function campaignsWithMoney(
  deps: AppDeps,
  tx: Db,
  matched: readonly { id: string; buyerOrgId: string }[],
  lock: boolean,
): Promise<CampaignWithMoney[]> {
  if (!matched.length) return [];
  const ids = matched.map((c) => c.id);
  const now = deps.clock();
  const read = <E extends Record<string, SQL>>(extra: E) =>
    tx
      .select({ campaign: campaigns, ...moneyColumns(now), ...extra })
      .from(campaigns)
      .where(inArray(campaigns.id, ids))
      .orderBy(asc(campaigns.id));
  if (!lock) return (await read({})).map(withMoney);
  const buyerIds = [...new Set(matched.map((c) => c.buyerOrgId))].sort();
  const lockBuyers = tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(inArray(organizations.id, buyerIds))
    .orderBy(asc(organizations.id))
    .for('no key update');
  // one round trip, run in this order: the buyers' locks, then the campaigns' locks with their money and where a win goes
  const [, rows] = await inOneRoundTrip(tx, lockBuyers, read({ deliveryTo }).for('update', { of: campaigns }));
  return rows.map(withMoney);
}

/**
 * What each campaign can still pay now (campaignBid): its bid, capped by what is left of its budget and its buyer's
 * wallet, with the rows it was read from. With `lock` the money is current under the locks; without it, an
 * estimate the sale re-checks. A REMOTE campaign bids what its buyer answered the ping (`remoteBids`); without an
 * answer it does not bid.
 */
export async function bidsOf(
  deps: AppDeps,
  tx: Db,
  matched: readonly { id: string; buyerOrgId: string }[],
  lock: boolean,
  remoteBids: ReadonlyMap<string, RemoteBid> = new Map(),
): Promise<{ bids: Bid[]; rows: CampaignWithMoney[] }> {
  const rows = await campaignsWithMoney(deps, tx, matched, lock);
  return { bids: rows.flatMap((c) => campaignBid(c, remoteBids.get(c.id)?.amount) ?? []), rows };
}
