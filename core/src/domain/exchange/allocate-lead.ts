// Allocation (worker `allocation`): when leads are listed, matching campaigns bid for them. Everything for
// one lead — the auction, the sales, wallet debits, budget and daily-cap counters, the ledger — happens in
// one transaction under locks on the lead, the buyers and the campaigns, so no campaign overspends. REMOTE
// campaigns (issue 14) are pinged before it, outside any lock, while the matching campaigns are read (the
// transaction locks and re-reads those: their money is always current); a remote winner gets the lead posted
// inside it, and when it refuses, the next bidder in rank order is offered the lead at its own clearing price.
import { queryRows, schema, sql, type CampaignKind, type Db } from '@leadex/db';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { loadSegments } from '../catalog/catalog.service';
import { PLATFORM_ESCROW, buyerWallet } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import type { TLeadFilter } from '../leads/lead-filter';
import type { SegmentDefinition } from '../leads/lead.types';
import { salesAndSoldOut } from '../leads/lead-status-sql';
import { freeCapacity } from '../orders/capacity.rules';
import { commissionBpsOf } from '../orders/commission.rules';
import { notifyCampaignWin } from '../notifications/campaign-win-events';
import { newId } from '../shared/ids';
import { buyersSuppressing } from '../suppression/suppression-lookups';
import { chargeStep, formatDecimal, money, parseDecimal, type Money } from '../shared/money';
import { leadMatchKeys } from './campaign-match-keys.rules';
import { inSchedule, leadMatchesFilter, type Award, type Bid, type ScheduleWindow } from './campaign.rules';
import { distributeAwards, segmentMargin } from './distribute-awards';
import { NO_MARGIN, splitExchangeSale } from './margin.rules';
import { winsToday } from './campaigns.service';
import { enqueueDeliveries } from './deliveries.service';
import { withFallbacks } from './remote/auction-fallback.rules';
import { postToRemote } from './remote/post-remote';
import { prepareAuction, type PreparedAuction } from './remote/remote-bids';
import { logRemoteCalls, pauseFailingCampaigns, type RemoteCall } from './remote/remote-log';
import type { RemoteBid } from './remote/ping-remote';

const { leads, campaigns, campaignWins, organizations, orders, orderLines, purchases } = schema;
type LeadRow = typeof leads.$inferSelect;
type CampaignRow = typeof campaigns.$inferSelect;

export interface AllocationResult {
  leadId: string;
  sold: (Award & { purchaseId: string; /** a remote buyer accepted it by post: the post was its delivery */ posted?: boolean })[];
}

/** Campaigns whose filter and schedule take this lead (before money checks); `kind`: only INTERNAL or REMOTE ones. */
export async function matchingCampaigns(
  deps: AppDeps,
  db: Db,
  lead: LeadRow,
  sellerQuality: number,
  onlyCampaignId?: string,
  kind?: CampaignKind,
): Promise<CampaignRow[]> {
  const now = deps.clock();
  const candidates = await db
    .select()
    .from(campaigns)
    .where(
      and(
        // the partial GIN index campaigns_match_keys_idx (migration 0015) answers these two: active campaigns whose
        // segment, country and city lists may take the lead; the exact filter runs below
        sql`${campaigns.active}`,
        sql`campaign_match_keys(${campaigns.filter}) && ARRAY[${sql.join(
          leadMatchKeys(lead).map((k) => sql`${k}`),
          sql`, `,
        )}]::text[]`,
        eq(campaigns.exclusivity, lead.exclusivity),
        ne(campaigns.buyerOrgId, lead.sellerOrgId),
        ...(onlyCampaignId ? [eq(campaigns.id, onlyCampaignId)] : []),
        ...(kind ? [eq(campaigns.kind, kind)] : []),
      ),
    );
  const currency = deps.config.PLATFORM_CURRENCY;
  return candidates.filter((c) => {
    const f = c.filter as TLeadFilter;
    // createCampaign refuses prices with too many digits; one stored before that matches nothing rather than everything
    const priced = {
      ...f,
      minPriceMinor: f.minPrice ? (parseDecimal(f.minPrice, currency) ?? Number.MAX_SAFE_INTEGER) : null,
      maxPriceMinor: f.maxPrice ? (parseDecimal(f.maxPrice, currency) ?? -1) : null,
    };
    return leadMatchesFilter({ ...lead, sellerQuality }, priced, now) && inSchedule(c.schedule as ScheduleWindow[], c.timeZone, now);
  });
}

/**
 * What each campaign can still pay now: its bid, capped by what is left of its budget and its buyer's wallet.
 * With `lock` (a sale follows) the buyers and campaigns are locked first; without it (a ping's offer) it is
 * an estimate the sale re-checks. A REMOTE campaign bids what its buyer answered the ping (`remoteBids`), capped
 * by its maxBid like the rest; without an answer it does not bid.
 */
export async function affordableBids(
  deps: AppDeps,
  tx: Db,
  matched: CampaignRow[],
  lock = true,
  remoteBids: ReadonlyMap<string, RemoteBid> = new Map(),
): Promise<Bid[]> {
  if (!matched.length) return [];
  const buyerIds = [...new Set(matched.map((c) => c.buyerOrgId))].sort();
  const campaignIds = matched.map((c) => c.id);
  // lock order everywhere: buyers, then campaigns, each by id. Organisation rows are locked FOR NO KEY UPDATE:
  // lockers still queue behind each other, but inserts that only reference the row (its foreign-key check takes
  // FOR KEY SHARE: a ping, a purchase) do not wait for them
  if (lock)
    await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(inArray(organizations.id, buyerIds))
      .orderBy(asc(organizations.id))
      .for('no key update');
  // a sale locks and re-reads the campaigns (their money is current under the lock); an offer uses the rows it matched
  const fresh = lock
    ? await tx.select().from(campaigns).where(inArray(campaigns.id, campaignIds)).orderBy(asc(campaigns.id)).for('update')
    : [...matched].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const wallets = new Map(
    (
      await queryRows<{ account: string; balance: string }>(
        tx,
        sql`SELECT account, (-sum(amount))::text AS balance FROM ledger_postings WHERE account IN ${buyerIds.map(buyerWallet)} GROUP BY account`,
      )
    ).map((r) => [r.account, Number(r.balance)]),
  );
  const now = deps.clock();
  // wins since local midnight, for every capped campaign at once
  const today = await winsToday(
    tx,
    fresh.filter((c) => c.dailyCap != null).map((c) => c.id),
    now,
  );
  const bids: Bid[] = [];
  for (const c of fresh) {
    if (!c.active) continue;
    if (c.dailyCap != null && (today.get(c.id) ?? 0) >= c.dailyCap) continue;
    const budgetLeft = c.budget == null ? Number.MAX_SAFE_INTEGER : c.budget - c.spent;
    const wallet = wallets.get(buyerWallet(c.buyerOrgId)) ?? 0;
    const offered = c.kind === 'REMOTE' ? (remoteBids.get(c.id)?.amount ?? 0) : c.maxBid;
    const affordable = Math.min(offered, c.maxBid, budgetLeft, wallet);
    if (affordable > 0)
      bids.push({ campaignId: c.id, buyerOrgId: c.buyerOrgId, maxBid: affordable, createdAt: c.createdAt, priority: c.priority, weight: c.weight });
  }
  return bids;
}

/**
 * Records one campaign win: a paid order and purchase (the segment's margin carved off before its commission,
 * margin.rules.ts), the wallet debit, the campaign counters and its place in round-robin order.
 */
async function recordWin(deps: AppDeps, tx: Db, lead: LeadRow, award: Award, commissionBps: number, now: Date, margin = NO_MARGIN): Promise<string> {
  const orderId = newId('ord');
  const purchaseId = newId('pur');
  await tx.insert(orders).values({
    id: orderId,
    buyerOrgId: award.buyerOrgId,
    status: 'PAID',
    total: award.price,
    currency: lead.currency,
    expiresAt: now,
    paidAt: now,
    closedAt: now,
    createdAt: now,
  });
  await tx.insert(orderLines).values({ orderId, leadId: lead.id, buyerOrgId: award.buyerOrgId, price: award.price });
  const split = splitExchangeSale(award.price, commissionBps, margin, chargeStep(lead.currency));
  await tx.insert(purchases).values({
    id: purchaseId,
    orderId,
    leadId: lead.id,
    buyerOrgId: award.buyerOrgId,
    sellerOrgId: lead.sellerOrgId,
    price: award.price,
    commission: split.commission,
    sellerNet: split.sellerNet,
    margin: split.margin,
    currency: lead.currency,
    paidWith: 'WALLET',
    campaignId: award.campaignId,
    purchasedAt: now,
  });
  await tx.insert(campaignWins).values({ campaignId: award.campaignId, leadId: lead.id, purchaseId, price: award.price, wonAt: now });
  await recordAudit(tx, {
    actor: null,
    action: 'order.paid',
    target: { type: 'order', id: orderId, organizationId: award.buyerOrgId },
    details: { amount: award.price, currency: lead.currency, leads: 1, via: 'WALLET', campaignId: award.campaignId },
    at: now,
  });
  await tx
    .update(campaigns)
    .set({ spent: sql`${campaigns.spent} + ${award.price}`, lastAllocatedSeq: sql`nextval('campaign_allocation_seq')` })
    .where(eq(campaigns.id, award.campaignId));
  await postLedgerTransaction(tx, {
    eventKey: `campaign-sale:${purchaseId}`,
    kind: 'WALLET_PURCHASE',
    // the margin stays in escrow with the price and reaches platform revenue, inside the commission, at settlement
    memo: `campaign ${award.campaignId} won ${lead.id}${split.margin ? `; margin ${formatDecimal(split.margin, lead.currency)} ${lead.currency}` : ''}`,
    occurredAt: now,
    postings: [debit(buyerWallet(award.buyerOrgId), money(award.price, lead.currency)), credit(PLATFORM_ESCROW, money(award.price, lead.currency))],
  });
  await notifyCampaignWin(
    tx,
    { ...award, purchaseId, currency: lead.currency, sale: { sellerOrgId: lead.sellerOrgId, leadId: lead.id, segment: lead.segment, net: split.sellerNet } },
    deps.config.WALLET_LOW_THRESHOLD_MINOR,
    now,
  );
  return purchaseId;
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
  const segments = new Map((segmentList ?? (await loadSegments(deps.db))).map((s) => [s.code, s]));
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
    : await prepareAuction(deps, leadId, (d, db, l, q, kind) => matchingCampaigns(d, db, l, q, undefined, kind));
  const remote = pre.round.bids;
  const posts: RemoteCall[] = [];
  // the pings' log is written beside the transaction, off the auction's path (each call carries the time it was sent)
  const pingLog = logRemoteCalls(deps.db, pre.round.calls).catch((err: unknown) => deps.logger.error({ err, leadId }, 'remote ping log not written'));
  const result = await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const [lead] = await tx.select().from(leads).where(eq(leads.id, leadId)).for('update');
    const slots = lead ? freeCapacity(lead, now) : 0;
    if (!lead || slots === 0) return { leadId, sold: [] };
    const [seller] = await tx
      .select({ q: organizations.qualityScore, suspended: organizations.suspended })
      .from(organizations)
      .where(eq(organizations.id, lead.sellerOrgId));
    if (seller!.suspended) return { leadId, sold: [] };
    const held = new Set(
      (
        await tx
          .select({ buyer: orderLines.buyerOrgId })
          .from(orderLines)
          .where(and(eq(orderLines.leadId, leadId), eq(orderLines.active, true)))
      ).map((r) => r.buyer),
    );
    const candidates = (pre.matched ?? (await matchingCampaigns(deps, tx, lead, seller!.q, fixed?.campaignId))).filter((c) => !held.has(c.buyerOrgId));
    // a buyer's own contacts are never sold back to them, by a campaign or a ping's post
    const ownContact = await buyersSuppressing(
      tx,
      candidates.map((c) => c.buyerOrgId),
      lead,
    );
    const matched = candidates.filter((c) => !ownContact.has(c.buyerOrgId));
    if (!matched.length) return { leadId, sold: [] };
    const bids = await affordableBids(deps, tx, matched, true, remote);
    const awards = fixed
      ? bids
          .filter((b) => b.campaignId === fixed.campaignId && b.maxBid >= fixed.price.amount)
          .map((b) => ({ campaignId: b.campaignId, buyerOrgId: b.buyerOrgId, price: fixed.price.amount }))
      : await distributeAwards(deps, tx, segments.get(lead.segment), bids, lead.price, slots, chargeStep(lead.currency));
    const sold: AllocationResult['sold'] = [];
    const byId = new Map(matched.map((c) => [c.id, c]));
    // a remote winner's refused post passes its slot down the ranking; a ping-post sale has no one to pass it to
    for (const award of fixed ? awards : withFallbacks(awards, bids, lead.price, chargeStep(lead.currency))) {
      if (sold.length === awards.length) break;
      const c = byId.get(award.campaignId)!;
      if (c.kind === 'REMOTE') {
        const { accepted, call } = await postToRemote(deps, tx, c, lead, award, remote.get(c.id)?.reference ?? null);
        posts.push(call);
        if (!accepted) continue;
      }
      const purchaseId = await recordWin(deps, tx, lead, award, commissionBpsOf(segments.get(lead.segment)), now, segmentMargin(segments.get(lead.segment)));
      sold.push({ ...award, purchaseId, ...(c.kind === 'REMOTE' ? { posted: true } : {}) });
    }
    if (sold.length) {
      await tx.update(leads).set(salesAndSoldOut(sold.length)).where(eq(leads.id, leadId));
    }
    return { leadId, sold };
  });
  await pingLog;
  await pauseFailingCampaigns(deps, [...pre.round.calls, ...posts]);
  const toDeliver = result.sold.filter((s) => !s.posted);
  if (toDeliver.length)
    await enqueueDeliveries(
      deps,
      toDeliver.map((s) => s.purchaseId),
    );
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
