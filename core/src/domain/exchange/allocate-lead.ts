// Allocation (worker `allocation`): when leads are listed, matching campaigns bid for them. Everything for
// one lead — the auction, the sales, wallet debits, budget and daily-cap counters, the ledger — happens in
// one transaction under locks on the lead, the buyers and the campaigns, so no campaign overspends.
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { loadSegments } from '../catalog/catalog.service';
import { PLATFORM_ESCROW, buyerWallet } from '../ledger/ledger-accounts';
import { credit, debit, postLedgerTransaction } from '../ledger/post-transaction';
import type { TLeadFilter } from '../leads/lead-filter';
import type { SegmentDefinition } from '../leads/lead.types';
import { salesAndSoldOut } from '../leads/lead-status-sql';
import { splitCommission } from '../pricing/pricing.rules';
import { freeCapacity } from '../orders/capacity.rules';
import { commissionBpsOf } from '../orders/commission.rules';
import { newId } from '../shared/ids';
import { buyersSuppressing } from '../suppression/suppression-lookups';
import { chargeStep, money, parseDecimal, type Money } from '../shared/money';
import { inSchedule, leadMatchesFilter, runAuction, type Award, type Bid, type ScheduleWindow } from './campaign.rules';
import { winsToday } from './campaigns.service';
import { enqueueDeliveries } from './deliveries.service';

const { leads, campaigns, campaignWins, organizations, orders, orderLines, purchases } = schema;
type LeadRow = typeof leads.$inferSelect;
type CampaignRow = typeof campaigns.$inferSelect;

export interface AllocationResult {
  leadId: string;
  sold: (Award & { purchaseId: string })[];
}

/** Campaigns whose filter and schedule take this lead (before money checks). */
export async function matchingCampaigns(deps: AppDeps, db: Db, lead: LeadRow, sellerQuality: number, onlyCampaignId?: string): Promise<CampaignRow[]> {
  const now = deps.clock();
  const candidates = await db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.active, true),
        eq(campaigns.exclusivity, lead.exclusivity),
        ne(campaigns.buyerOrgId, lead.sellerOrgId),
        // coarse cuts in SQL (segment and country lists); the exact filter runs below
        sql`(${campaigns.filter}->'segments' IS NULL OR jsonb_array_length(${campaigns.filter}->'segments') = 0 OR ${campaigns.filter}->'segments' ? ${lead.segment})`,
        sql`(${campaigns.filter}->'countries' IS NULL OR jsonb_array_length(${campaigns.filter}->'countries') = 0 OR ${campaigns.filter}->'countries' ? ${lead.country})`,
        ...(onlyCampaignId ? [eq(campaigns.id, onlyCampaignId)] : []),
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
 * an estimate the sale re-checks.
 */
export async function affordableBids(deps: AppDeps, tx: Db, matched: CampaignRow[], lock = true): Promise<Bid[]> {
  if (!matched.length) return [];
  const buyerIds = [...new Set(matched.map((c) => c.buyerOrgId))].sort();
  const campaignIds = matched.map((c) => c.id);
  // lock order everywhere: buyers, then campaigns, each by id
  if (lock)
    await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, buyerIds)).orderBy(asc(organizations.id)).for('update');
  const query = tx.select().from(campaigns).where(inArray(campaigns.id, campaignIds)).orderBy(asc(campaigns.id));
  const fresh = lock ? await query.for('update') : await query;
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
    const affordable = Math.min(c.maxBid, budgetLeft, wallet);
    if (affordable > 0) bids.push({ campaignId: c.id, buyerOrgId: c.buyerOrgId, maxBid: affordable, createdAt: c.createdAt });
  }
  return bids;
}

/** Records one campaign win: a paid order and purchase, the wallet debit, the campaign counters. */
async function recordWin(deps: AppDeps, tx: Db, lead: LeadRow, award: Award, commissionBps: number, now: Date): Promise<string> {
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
  const split = splitCommission(award.price, commissionBps);
  await tx.insert(purchases).values({
    id: purchaseId,
    orderId,
    leadId: lead.id,
    buyerOrgId: award.buyerOrgId,
    sellerOrgId: lead.sellerOrgId,
    price: award.price,
    commission: split.commission,
    sellerNet: split.sellerNet,
    currency: lead.currency,
    paidWith: 'WALLET',
    campaignId: award.campaignId,
    purchasedAt: now,
  });
  await tx.insert(campaignWins).values({ campaignId: award.campaignId, leadId: lead.id, purchaseId, price: award.price, wonAt: now });
  await tx
    .update(campaigns)
    .set({ spent: sql`${campaigns.spent} + ${award.price}` })
    .where(eq(campaigns.id, award.campaignId));
  await postLedgerTransaction(tx, {
    eventKey: `campaign-sale:${purchaseId}`,
    kind: 'WALLET_PURCHASE',
    memo: `campaign ${award.campaignId} won ${lead.id}`,
    occurredAt: now,
    postings: [debit(buyerWallet(award.buyerOrgId), money(award.price, lead.currency)), credit(PLATFORM_ESCROW, money(award.price, lead.currency))],
  });
  return purchaseId;
}

/**
 * Offers a listed lead to the matching campaigns. With `fixed` (ping-post) only that campaign may buy, at that
 * price. Safe twice: a lead with no capacity left, or already held by a buyer, is not sold to them again.
 */
export async function allocateLead(
  deps: AppDeps,
  leadId: string,
  fixed?: { campaignId: string; price: Money },
  segmentList?: SegmentDefinition[],
): Promise<AllocationResult> {
  const segments = new Map((segmentList ?? (await loadSegments(deps.db))).map((s) => [s.code, s]));
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
    const candidates = (await matchingCampaigns(deps, tx, lead, seller!.q, fixed?.campaignId)).filter((c) => !held.has(c.buyerOrgId));
    // a buyer's own contacts are never sold back to them, by a campaign or a ping's post
    const ownContact = await buyersSuppressing(
      tx,
      candidates.map((c) => c.buyerOrgId),
      lead,
    );
    const matched = candidates.filter((c) => !ownContact.has(c.buyerOrgId));
    if (!matched.length) return { leadId, sold: [] };
    const bids = await affordableBids(deps, tx, matched);
    const awards = fixed
      ? bids
          .filter((b) => b.campaignId === fixed.campaignId && b.maxBid >= fixed.price.amount)
          .map((b) => ({ campaignId: b.campaignId, buyerOrgId: b.buyerOrgId, price: fixed.price.amount }))
      : runAuction(bids, lead.price, slots, chargeStep(lead.currency));
    const sold: AllocationResult['sold'] = [];
    for (const award of awards) sold.push({ ...award, purchaseId: await recordWin(deps, tx, lead, award, commissionBpsOf(segments.get(lead.segment)), now) });
    if (sold.length) {
      await tx.update(leads).set(salesAndSoldOut(sold.length)).where(eq(leads.id, leadId));
    }
    return { leadId, sold };
  });
  if (result.sold.length)
    await enqueueDeliveries(
      deps,
      result.sold.map((s) => s.purchaseId),
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
