// Buyers' standing orders: create, update, pause and resume campaigns, and read their spend. A REMOTE campaign
// (issue 14) names the buyer's ping and post URLs, checked by the SSRF guard like a webhook endpoint.
import { CAMPAIGN_KINDS, schema, sql, type Db } from '@leadex/db';
import { and, desc, eq, inArray, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { ZLeadFilter } from '../leads/lead-filter';
import { EXCLUSIVITIES } from '../leads/lead.types';
import { DomainError, badInput, type FieldError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { assertTransition } from '../shared/lifecycle';
import { chargeStep, moneyInputErrors, parseDecimal } from '../shared/money';
import { assertOutboundUrl, OutboundRefusedError, outboundPolicy, type Resolver } from '../shared/outbound/ssrf-guard';
import { parseInput } from '../shared/validation';
import { CAMPAIGN_LIFECYCLE, campaignStatus } from './campaign.lifecycle';
import { WEEKDAYS, isValidTimeZone } from './campaign.rules';
import { checkCampaignEndpoint } from './delivery-endpoints.service';
import { DEFAULT_PRIORITY, DEFAULT_WEIGHT, MAX_PRIORITY, MAX_WEIGHT } from './distribution.rules';
import { ZResponseMapping } from './remote/remote-response.rules';

const { campaigns, webhookEndpoints } = schema;
export type CampaignRow = typeof campaigns.$inferSelect;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time like "09:00"');
const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,4})?$/, 'a decimal amount like "12.50"');

export const ZCampaignInput = z.object({
  name: z.string().trim().min(1).max(120),
  filter: ZLeadFilter.unwrap().unwrap(),
  maxBid: decimal,
  exclusivity: z.enum(EXCLUSIVITIES),
  dailyCap: z.number().int().min(1).max(100_000).nullish(),
  budget: decimal.nullish(),
  schedule: z
    .array(
      z
        .object({ days: z.array(z.enum(WEEKDAYS)).min(1), from: hhmm, to: hhmm })
        .refine((w) => w.from < w.to, { message: '"from" must be before "to"', path: ['to'] }),
    )
    .max(28)
    .nullish(),
  timeZone: z.string().trim().max(64).nullish(),
  // one of the buyer's delivery endpoints; none = the default endpoint
  deliveryEndpointId: z.string().trim().min(1).max(64).nullish(),
  /** PRIORITY distribution: higher tiers are served first (default 0) */
  priority: z.number().int().min(0).max(MAX_PRIORITY).nullish(),
  /** WEIGHTED distribution: the campaign's share of the draw (default 1) */
  weight: z.number().int().min(1).max(MAX_WEIGHT).nullish(),
  // REMOTE: the buyer's system bids per lead (see the README's remote-buyer protocol); INTERNAL (default): maxBid
  kind: z.enum(CAMPAIGN_KINDS).nullish(),
  pingUrl: z.string().trim().min(1).max(2000).nullish(),
  postUrl: z.string().trim().min(1).max(2000).nullish(),
  responseMapping: ZResponseMapping.nullish(),
  pingTimeoutMs: z.number().int().min(10).max(10_000).nullish(),
});

async function checkedUrl(deps: AppDeps, url: string, path: string, resolve?: Resolver): Promise<{ url: string | null; error: FieldError | null }> {
  try {
    return { url: (await assertOutboundUrl(url, outboundPolicy(deps.config), resolve)).url.href, error: null };
  } catch (err) {
    if (!(err instanceof OutboundRefusedError)) throw err;
    return { url: null, error: { path, message: err.message } };
  }
}

/**
 * The remote fields: URLs through the SSRF guard, both required for REMOTE, none kept for INTERNAL. On an update,
 * what the input leaves out (kind, URLs, mapping, timeout) stays as the campaign has it, so a form that does not
 * know about remote bidding cannot turn a REMOTE campaign into an INTERNAL one.
 */
async function remoteFields(deps: AppDeps, buyerOrgId: string, given: z.infer<typeof ZCampaignInput>, current?: CampaignRow, resolve?: Resolver) {
  const input = {
    kind: given.kind ?? current?.kind,
    pingUrl: given.pingUrl ?? current?.pingUrl,
    postUrl: given.postUrl ?? current?.postUrl,
    responseMapping: given.responseMapping ?? (current?.responseMapping as z.infer<typeof ZResponseMapping> | null | undefined),
    pingTimeoutMs: given.pingTimeoutMs ?? current?.pingTimeoutMs,
  };
  const kind = input.kind ?? 'INTERNAL';
  if (kind === 'INTERNAL') return { kind, pingUrl: null, postUrl: null, responseMapping: null, pingTimeoutMs: null, fields: [] as FieldError[] };
  const fields: FieldError[] = [];
  const ping = input.pingUrl
    ? await checkedUrl(deps, input.pingUrl, 'input.pingUrl', resolve)
    : { url: null, error: { path: 'input.pingUrl', message: 'required for a REMOTE campaign' } };
  const post = input.postUrl
    ? await checkedUrl(deps, input.postUrl, 'input.postUrl', resolve)
    : { url: null, error: { path: 'input.postUrl', message: 'required for a REMOTE campaign' } };
  for (const e of [ping.error, post.error]) if (e) fields.push(e);
  // pings and posts are signed with the secret of the buyer's default delivery endpoint: without one nothing could be verified
  const [endpoint] = await deps.db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.buyerOrgId, buyerOrgId), eq(webhookEndpoints.active, true), eq(webhookEndpoints.isDefault, true)));
  if (!endpoint)
    fields.push({ path: 'input.kind', message: "a REMOTE campaign's pings are signed with your webhook endpoint's secret: set a webhook endpoint first" });
  return { kind, pingUrl: ping.url, postUrl: post.url, responseMapping: input.responseMapping ?? null, pingTimeoutMs: input.pingTimeoutMs ?? null, fields };
}

async function toRow(deps: AppDeps, buyerOrgId: string, raw: unknown, current?: CampaignRow, resolve?: Resolver) {
  const input = parseInput(ZCampaignInput, raw);
  const { fields: remoteErrors, ...remote } = await remoteFields(deps, buyerOrgId, input, current, resolve);
  const currency = deps.config.PLATFORM_CURRENCY;
  // a bid and a budget become wallet debits and auction prices: on the currency's charge step
  const step = chargeStep(currency);
  const fields = [
    ...moneyInputErrors(input.maxBid, currency, 'input.maxBid', { min: 1, step }),
    ...(input.budget == null ? [] : moneyInputErrors(input.budget, currency, 'input.budget', { min: 1, step })),
    // the filter's prices are used only later, when leads arrive: refuse them now rather than ignore them then
    ...(input.filter.minPrice ? moneyInputErrors(input.filter.minPrice, currency, 'input.filter.minPrice') : []),
    ...(input.filter.maxPrice ? moneyInputErrors(input.filter.maxPrice, currency, 'input.filter.maxPrice') : []),
    // the campaign's own exclusivity decides what it bids on; a different one in the filter would match nothing
    ...(input.filter.exclusivity && input.filter.exclusivity !== input.exclusivity
      ? [{ path: 'input.filter.exclusivity', message: `must match the campaign's exclusivity (${input.exclusivity}) or be left out` }]
      : []),
    ...(input.timeZone && !isValidTimeZone(input.timeZone) ? [{ path: 'input.timeZone', message: 'an IANA time zone such as "Europe/Berlin"' }] : []),
    ...(input.filter.statuses?.length ? [{ path: 'input.filter.statuses', message: 'campaigns bid on listed leads only' }] : []),
    ...remoteErrors,
  ];
  if (fields.length) throw badInput(fields);
  const maxBid = parseDecimal(input.maxBid, currency)!;
  const budget = input.budget == null ? null : parseDecimal(input.budget, currency);
  return {
    name: input.name,
    filter: input.filter,
    maxBid,
    exclusivity: input.exclusivity,
    dailyCap: input.dailyCap ?? null,
    budget,
    schedule: input.schedule ?? [],
    timeZone: input.timeZone ?? 'UTC',
    priority: input.priority ?? DEFAULT_PRIORITY,
    weight: input.weight ?? DEFAULT_WEIGHT,
    currency,
    // one of the buyer's active endpoints (BAD_USER_INPUT on input.deliveryEndpointId); none = the default endpoint
    deliveryEndpointId: await checkCampaignEndpoint(deps, buyerOrgId, input.deliveryEndpointId),
    ...remote,
  };
}

/** `resolve` is the DNS for the remote URLs' check, for tests. */
export async function createCampaign(deps: AppDeps, actor: Actor | null, raw: unknown, resolve?: Resolver): Promise<CampaignRow> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const [row] = await deps.db
    .insert(campaigns)
    .values({
      id: newId('cmp'),
      buyerOrgId: buyer.organizationId,
      ...(await toRow(deps, buyer.organizationId, raw, undefined, resolve)),
      createdAt: deps.clock(),
    })
    .returning();
  return row!;
}

async function ownCampaign(deps: AppDeps, actor: Actor | null, id: string) {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const [row] = await deps.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.buyerOrgId, buyer.organizationId)));
  if (!row) throw new DomainError('CAMPAIGN_NOT_FOUND', 'No such campaign');
  return row;
}

export async function updateCampaign(deps: AppDeps, actor: Actor | null, id: string, raw: unknown, resolve?: Resolver): Promise<CampaignRow> {
  const current = await ownCampaign(deps, actor, id);
  const [row] = await deps.db
    .update(campaigns)
    .set(await toRow(deps, current.buyerOrgId, raw, current, resolve))
    .where(eq(campaigns.id, id))
    .returning();
  return row!;
}

/** Pauses (false) or resumes (true) a campaign. Pausing a paused one, or resuming an active one, is TRANSITION_NOT_ALLOWED. */
export async function setCampaignActive(deps: AppDeps, actor: Actor | null, id: string, active: boolean): Promise<CampaignRow> {
  const current = await ownCampaign(deps, actor, id);
  const from = campaignStatus(current);
  const to = campaignStatus({ active });
  assertTransition(CAMPAIGN_LIFECYCLE, from, to, 'BUYER', from === to ? { message: `The campaign is already ${to}` } : {});
  // conditional on the status it was read in: of two concurrent pauses, the second is refused like a late one
  const [row] = await deps.db
    .update(campaigns)
    // the buyer's own pause or resume replaces any reason the platform paused it for
    .set({ active, pausedReason: null })
    .where(and(eq(campaigns.id, id), eq(campaigns.active, current.active)))
    .returning();
  if (!row) throw new DomainError('TRANSITION_NOT_ALLOWED', `The campaign is already ${to}`);
  return row;
}

export async function myCampaigns(deps: AppDeps, actor: Actor | null): Promise<CampaignRow[]> {
  const buyer = requireUser(actor, 'BUYER');
  return deps.db.select().from(campaigns).where(eq(campaigns.buyerOrgId, buyer.organizationId)).orderBy(desc(campaigns.createdAt));
}

/**
 * A campaign's wins since midnight in its own time zone (what its daily cap counts), correlated to `campaigns`;
 * `now` may be a built-once statement's slot (filled with the time as ISO text).
 */
export function winsSinceLocalMidnight(now: Date | Placeholder): SQL<number> {
  const at = now instanceof Date ? now.toISOString() : now;
  return sql<number>`(SELECT count(*) FROM campaign_wins w WHERE w.campaign_id = ${campaigns.id} AND w.won_at > ${at}::timestamptz - interval '2 days'
      AND (w.won_at AT TIME ZONE ${campaigns.timeZone})::date = (${at}::timestamptz AT TIME ZONE ${campaigns.timeZone})::date)`.mapWith(Number);
}

/** Leads each campaign won since local midnight in its own time zone (the daily cap counts these). */
export async function winsToday(db: Db, campaignIds: readonly string[], now: Date): Promise<Map<string, number>> {
  if (!campaignIds.length) return new Map();
  const rows = await db
    .select({ id: campaigns.id, n: winsSinceLocalMidnight(now) })
    .from(campaigns)
    .where(inArray(campaigns.id, [...campaignIds]));
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}
