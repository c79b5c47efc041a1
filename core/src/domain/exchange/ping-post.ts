// Ping-post for sellers' systems: `ping` anonymised fields → an offer (price, short-lived ping id) from the
// best matching campaign, or none; `post` the full lead with the ping id → sold at that price while the
// offer stands (after the same checks every lead gets), else listed on the marketplace as usual. REMOTE
// campaigns bid on a ping too: their buyers are pinged with the anonymised fields (remote/ping-remote.ts).
import { schema } from '@leadex/db';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireScope, type Actor } from '../auth/access';
import { loadGeoAreas, loadPricing } from '../catalog/catalog.service';
import { geoTierFor } from '../catalog/geo.rules';
import { EXCLUSIVITIES, LEAD_KINDS, TEMPERATURES, type LeadIssue } from '../leads/lead.types';
import { activeSeller } from '../leads/seller-status';
import { ZLeadAttributes } from '../leads/lead-attributes';
import { submitLeads, type LeadRow } from '../leads/submit-leads';
import { findBasePrice, listPrice } from '../pricing/pricing.rules';
import { sellerConversionFactors } from '../pricing/seller-conversion';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { chargeStep, money, type Money } from '../shared/money';
import { parseInput } from '../shared/validation';
import { offerToCampaigns, runSpotCheck } from '../verification/run-spot-check';
import { allocateLead } from './allocate-lead';
import { matchingCampaigns, rankedCampaigns } from './campaign-matching';
import { bidsOf } from './campaign-money';
import { runAuction } from './campaign.rules';
import { pingRemoteCampaigns, recordPings } from './remote/ping-remote';

const { pings, leads, organizations } = schema;
const upper = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s.toUpperCase());

export const ZPingInput = z.object({
  segment: upper(40).pipe(z.string().min(1)),
  subsegment: upper(40).nullish(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase()),
  region: upper(10).nullish(),
  city: z.string().trim().max(100).nullish(),
  postalCode: z.string().trim().max(20).nullish(),
  kind: z.enum(LEAD_KINDS),
  temperature: z.enum(TEMPERATURES).nullish(),
  exclusivity: z.enum(EXCLUSIVITIES),
  // the same bounds as a lead's attributes: a ping's fields are stored
  attributes: ZLeadAttributes.nullish(),
});
type TPing = z.infer<typeof ZPingInput>;
const PINGED_FIELDS = ['segment', 'subsegment', 'country', 'region', 'city', 'postalCode', 'kind', 'temperature', 'exclusivity'] as const;

export async function ping(deps: AppDeps, actor: Actor | null, raw: unknown) {
  const seller = requireCapability(requireScope(actor, 'leads:write', 'SELLER'), 'TRADE');
  // the seller's row, the catalog and its conversion factors at once; a suspended seller is refused before its input is read
  const [areas, pricing, [sellerRow], conversion] = await Promise.all([
    loadGeoAreas(deps.db),
    loadPricing(deps.db),
    deps.db.select().from(organizations).where(eq(organizations.id, seller.organizationId)),
    sellerConversionFactors(deps.db, seller.organizationId),
  ]);
  const org = activeSeller(sellerRow);
  const input = parseInput(ZPingInput, raw);
  const now = deps.clock();
  const geoTier = geoTierFor(areas, input.country, input.region, input.city);
  const base = findBasePrice(pricing.grid, input.segment, input.subsegment, geoTier);
  if (base == null) return null;
  const temperature = input.temperature ?? 'WARM';
  const step = chargeStep(deps.config.PLATFORM_CURRENCY);
  const reserve = listPrice(
    { baseAmount: base, temperature, exclusivity: input.exclusivity, verified: true, capturedAt: now, conversionFactor: conversion.get(input.segment) },
    pricing.factors,
    now,
    step,
  );
  // the lead as it would be listed: posted at once, so fresh; verified by its own spot-check before any sale
  const hypothetical = {
    sellerOrgId: seller.organizationId,
    segment: input.segment,
    subsegment: input.subsegment ?? null,
    country: input.country,
    region: input.region ?? null,
    city: input.city ?? null,
    geoTier,
    kind: input.kind,
    temperature,
    exclusivity: input.exclusivity,
    verification: 'VERIFIED',
    capturedAt: now,
    price: reserve,
  } as LeadRow;
  // internal campaigns best bid first, only as far as the offer needs; every remote one, as its buyer is asked
  const [remote, ranked] = await Promise.all([
    matchingCampaigns(deps, deps.db, hypothetical, org.qualityScore, undefined, 'REMOTE'),
    rankedCampaigns(deps, deps.db, hypothetical, org.qualityScore, { ask: reserve, slots: 1 }),
  ]);
  const round = await pingRemoteCampaigns(deps, remote, {
    leadId: null,
    lead: { ...hypothetical, postalCode: input.postalCode ?? null, attributes: input.attributes ?? null },
    ask: reserve,
    currency: deps.config.PLATFORM_CURRENCY,
  });
  await recordPings(deps, round.calls);
  const { bids: remoteBids } = await bidsOf(deps, deps.db, remote, false, round.bids);
  const [award] = runAuction([...ranked.bids, ...remoteBids], reserve, 1, step);
  if (!award) return null;
  const [row] = await deps.db
    .insert(pings)
    .values({
      id: newId('png'),
      sellerOrgId: seller.organizationId,
      fields: input,
      price: award.price,
      currency: deps.config.PLATFORM_CURRENCY,
      campaignId: award.campaignId,
      remoteReference: round.bids.get(award.campaignId)?.reference ?? null,
      expiresAt: new Date(now.getTime() + deps.config.PING_OFFER_SECONDS * 1000),
      createdAt: now,
    })
    .returning();
  return row!;
}

function mismatches(pinged: TPing, lead: Record<string, unknown>): LeadIssue[] {
  const norm = (v: unknown) => (v == null || v === '' ? null : typeof v === 'string' ? v.trim().toUpperCase() : JSON.stringify(v));
  const issues: LeadIssue[] = PINGED_FIELDS.filter((f) => norm(pinged[f]) !== norm(lead[f])).map((f) => ({
    code: 'PING_MISMATCH',
    field: f,
    message: `differs from the ping (${pinged[f] ?? 'not given'})`,
    severity: 'ERROR',
  }));
  if (pinged.attributes && JSON.stringify(pinged.attributes) !== JSON.stringify(lead.attributes ?? null)) {
    issues.push({ code: 'PING_MISMATCH', field: 'attributes', message: 'differ from the ping', severity: 'ERROR' });
  }
  return issues;
}

export type PostResult = { status: 'SOLD' | 'LISTED' | 'REJECTED'; lead: LeadRow | null; price: Money | null; issues: LeadIssue[] };

export async function post(deps: AppDeps, actor: Actor | null, pingId: string, rawLead: unknown): Promise<PostResult> {
  const seller = requireCapability(requireScope(actor, 'leads:write', 'SELLER'), 'TRADE');
  const [offer] = await deps.db
    .select()
    .from(pings)
    .where(and(eq(pings.id, pingId), eq(pings.sellerOrgId, seller.organizationId)));
  if (!offer) throw new DomainError('PING_NOT_FOUND', 'No such ping', [{ path: 'pingId', message: 'unknown ping' }]);
  const issues = mismatches(offer.fields as TPing, (rawLead ?? {}) as Record<string, unknown>);
  if (issues.length) return { status: 'REJECTED', lead: null, price: null, issues };
  // the submission limit is counted before the claim, so a rate-limited post keeps its ping for a retry
  await deps.leadSubmissions.consume(seller.organizationId, 1);
  // one post per ping: the first one claims it
  const claimed = await deps.db
    .update(pings)
    .set({ usedAt: deps.clock() })
    .where(and(eq(pings.id, pingId), isNull(pings.usedAt)))
    .returning();
  if (!claimed.length) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This ping was already posted', [{ path: 'pingId', message: 'already used' }]);

  const batch = await submitLeads(deps, actor, [rawLead], { source: 'PING_POST', shapeErrors: 'refuse-request', queueSpotCheck: false, limitCounted: true });
  const result = batch.results[0]!;
  if (!result.lead) return { status: 'REJECTED', lead: null, price: null, issues: result.issues };
  // a lot of one: the spot-check samples this very lead
  await runSpotCheck(deps, batch.id, { offerToCampaigns: false });
  const [checked] = await deps.db.select().from(leads).where(eq(leads.id, result.lead.id));
  if (checked!.status !== 'LISTED') {
    return {
      status: 'REJECTED',
      lead: checked!,
      price: null,
      issues: [...result.issues, { code: 'SPOT_CHECK_FAILED', field: null, message: 'the lead failed its verification', severity: 'ERROR' }],
    };
  }
  const stillValid = offer.expiresAt > deps.clock();
  const offered = money(offer.price, offer.currency);
  const sale = stillValid
    ? await allocateLead(deps, checked!.id, { campaignId: offer.campaignId, price: offered, reference: offer.remoteReference })
    : { sold: [] };
  // whatever the ping's buyer did not take goes to the exchange and the marketplace as usual
  await offerToCampaigns(deps, batch.id);
  const [now] = await deps.db.select().from(leads).where(eq(leads.id, checked!.id));
  return sale.sold.length
    ? { status: 'SOLD', lead: now!, price: offered, issues: result.issues }
    : {
        status: 'LISTED',
        lead: now!,
        price: null,
        issues: [
          ...result.issues,
          ...(stillValid ? [] : [{ code: 'PING_EXPIRED', field: 'pingId', message: 'the offer expired; the lead is listed', severity: 'WARNING' as const }]),
        ],
      };
}
