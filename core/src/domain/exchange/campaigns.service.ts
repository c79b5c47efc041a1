// Buyers' standing orders: create, update, pause and resume campaigns, and read their spend.
import { queryRows, schema, sql, type Db } from '@leadex/db';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { ZLeadFilter } from '../leads/lead-filter';
import { EXCLUSIVITIES } from '../leads/lead.types';
import { DomainError, badInput } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { assertTransition } from '../shared/lifecycle';
import { chargeStep, moneyInputErrors, parseDecimal } from '../shared/money';
import { parseInput } from '../shared/validation';
import { CAMPAIGN_LIFECYCLE, campaignStatus } from './campaign.lifecycle';
import { WEEKDAYS, isValidTimeZone } from './campaign.rules';

const { campaigns } = schema;
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
});

function toRow(deps: AppDeps, raw: unknown) {
  const input = parseInput(ZCampaignInput, raw);
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
    currency,
  };
}

export async function createCampaign(deps: AppDeps, actor: Actor | null, raw: unknown): Promise<CampaignRow> {
  const buyer = requireUser(actor, 'BUYER');
  const [row] = await deps.db
    .insert(campaigns)
    .values({ id: newId('cmp'), buyerOrgId: buyer.organizationId, ...toRow(deps, raw), createdAt: deps.clock() })
    .returning();
  return row!;
}

async function ownCampaign(deps: AppDeps, actor: Actor | null, id: string) {
  const buyer = requireUser(actor, 'BUYER');
  const [row] = await deps.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.buyerOrgId, buyer.organizationId)));
  if (!row) throw new DomainError('CAMPAIGN_NOT_FOUND', 'No such campaign');
  return row;
}

export async function updateCampaign(deps: AppDeps, actor: Actor | null, id: string, raw: unknown): Promise<CampaignRow> {
  await ownCampaign(deps, actor, id);
  const [row] = await deps.db.update(campaigns).set(toRow(deps, raw)).where(eq(campaigns.id, id)).returning();
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
    .set({ active })
    .where(and(eq(campaigns.id, id), eq(campaigns.active, current.active)))
    .returning();
  if (!row) throw new DomainError('TRANSITION_NOT_ALLOWED', `The campaign is already ${to}`);
  return row;
}

export async function myCampaigns(deps: AppDeps, actor: Actor | null): Promise<CampaignRow[]> {
  const buyer = requireUser(actor, 'BUYER');
  return deps.db.select().from(campaigns).where(eq(campaigns.buyerOrgId, buyer.organizationId)).orderBy(desc(campaigns.createdAt));
}

/** Leads each campaign won since local midnight in its own time zone (the daily cap counts these). */
export async function winsToday(db: Db, campaignIds: readonly string[], now: Date): Promise<Map<string, number>> {
  if (!campaignIds.length) return new Map();
  const at = now.toISOString();
  const rows = await queryRows<{ campaign_id: string; n: number }>(
    db,
    sql`SELECT w.campaign_id, count(*)::int AS n FROM campaign_wins w JOIN campaigns c ON c.id = w.campaign_id
        WHERE w.campaign_id IN ${[...campaignIds]} AND w.won_at > ${at}::timestamptz - interval '2 days'
          AND (w.won_at AT TIME ZONE c.time_zone)::date = (${at}::timestamptz AT TIME ZONE c.time_zone)::date
        GROUP BY w.campaign_id`,
  );
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}
