// Price quotes, operator edits of the grid, factors and commission, and set-based repricing of leads.
import { queryRows, schema, type Db } from '@leadex/db';
import { eq, sql } from 'drizzle-orm';
import validator from 'validator';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { requireCapability, requireRole, type Actor } from '../auth/access';
import { loadGeoAreas, loadPricing, loadSegments } from '../catalog/catalog.service';
import { geoTierFor } from '../catalog/geo.rules';
import { EXCLUSIVITIES, GEO_TIERS, TEMPERATURES } from '../leads/lead.types';
import { DomainError, badInput } from '../shared/domain-error';
import { STRIPE_THREE_DECIMAL, chargeStep, money, moneyInputErrors, parseDecimal, parseMoneyInput, type Money } from '../shared/money';
import { parseInput } from '../shared/validation';
import { FACTOR_NAMES, applyDiscount, campaignMath, findBasePrice, listPrice, volumeDiscountBps } from './pricing.rules';

const { priceGrid, priceFactors, segments } = schema;
const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be a decimal amount like "12.50"');

/** a segment code as typed: trimmed, upper-cased */
const segmentCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((s) => s.toUpperCase());

export const ZPriceQuoteInput = z.object({
  segment: segmentCode,
  subsegment: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((s) => s?.toUpperCase() || null),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase()),
  region: z
    .string()
    .trim()
    .max(10)
    .nullish()
    .transform((s) => s?.toUpperCase() || null),
  city: z.string().trim().max(100).nullish(),
  temperature: z.enum(TEMPERATURES).nullish(),
  exclusivity: z.enum(EXCLUSIVITIES),
  verified: z.boolean().nullish(),
  capturedAt: z.date().nullish(),
  quantity: z.number().int().min(1).max(100_000).nullish(),
});

/** What the grid says one such lead costs now (with the volume discount when a quantity is given). */
export async function quotePrice(deps: AppDeps, raw: unknown): Promise<Money> {
  const input = parseInput(ZPriceQuoteInput, raw);
  const [segs, areas, pricing] = await Promise.all([loadSegments(deps.db), loadGeoAreas(deps.db), loadPricing(deps.db)]);
  const segment = segs.find((s) => s.code === input.segment);
  if (!segment) throw badInput([{ path: 'input.segment', message: 'unknown segment' }]);
  if (input.subsegment && !segment.subsegments.some((s) => s.code === input.subsegment)) {
    throw badInput([{ path: 'input.subsegment', message: `not a subsegment of ${segment.code}` }]);
  }
  if (!validator.isISO31661Alpha2(input.country)) throw badInput([{ path: 'input.country', message: 'not an ISO 3166-1 alpha-2 country code' }]);
  if (input.region && !input.region.startsWith(`${input.country}-`))
    throw badInput([{ path: 'input.region', message: `an ISO 3166-2 code of ${input.country}, e.g. ${input.country}-XX` }]);
  const tier = geoTierFor(areas, input.country, input.region, input.city);
  const base = findBasePrice(pricing.grid, segment.code, input.subsegment, tier);
  if (base == null) throw new DomainError('SEGMENT_NOT_FOUND', `No price grid entry for ${segment.code} in ${tier}`);
  const now = deps.clock();
  const step = chargeStep(deps.config.PLATFORM_CURRENCY);
  const unit = listPrice(
    {
      baseAmount: base,
      temperature: input.temperature ?? 'WARM',
      exclusivity: input.exclusivity,
      verified: input.verified ?? true,
      capturedAt: input.capturedAt ?? now,
    },
    pricing.factors,
    now,
    step,
  );
  const discounted = applyDiscount(unit, volumeDiscountBps(input.quantity ?? 1, pricing.volumeTiers), step);
  return money(discounted, deps.config.PLATFORM_CURRENCY);
}

export const ZPriceGridEntryInput = z.object({
  segment: segmentCode,
  subsegment: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((s) => s?.toUpperCase() ?? ''),
  geoTier: z.enum(GEO_TIERS),
  baseAmount: decimal,
});

// an audit entry names at most this many grid cells; the count says how many there were
const AUDITED_GRID_CELLS = 20;

export async function setPriceGrid(deps: AppDeps, actor: Actor | null, raw: unknown) {
  const operator = requireCapability(requireRole(actor, 'OPERATOR'), 'MONEY');
  const entries = parseInput(z.array(ZPriceGridEntryInput).min(1).max(500), raw);
  const segs = await loadSegments(deps.db);
  const currency = deps.config.PLATFORM_CURRENCY;
  const fields = entries.flatMap((e, i) => {
    const seg = segs.find((s) => s.code === e.segment);
    if (!seg) return [{ path: `input[${i}].segment`, message: 'unknown segment' }];
    if (e.subsegment && !seg.subsegments.some((s) => s.code === e.subsegment))
      return [{ path: `input[${i}].subsegment`, message: `not a subsegment of ${seg.code}` }];
    return moneyInputErrors(e.baseAmount, currency, `input[${i}].baseAmount`);
  });
  if (fields.length) throw badInput(fields);
  const rows = entries.map((e) => ({
    segmentCode: e.segment,
    subsegment: e.subsegment,
    geoTier: e.geoTier,
    baseAmount: parseDecimal(e.baseAmount, currency)!,
    currency,
  }));
  const saved = await deps.db.transaction(async (tx) => {
    const out = [];
    for (const row of rows) {
      const [r] = await tx
        .insert(priceGrid)
        .values(row)
        .onConflictDoUpdate({ target: [priceGrid.segmentCode, priceGrid.subsegment, priceGrid.geoTier], set: { baseAmount: row.baseAmount } })
        .returning();
      out.push(r!);
    }
    await recordAudit(tx, {
      actor: operator,
      action: 'price_grid.set',
      target: { type: 'price_grid', id: null, organizationId: null },
      details: {
        count: rows.length,
        currency,
        cells: rows.slice(0, AUDITED_GRID_CELLS).map((r) => `${r.segmentCode}/${r.subsegment}/${r.geoTier}=${r.baseAmount}`),
      },
      at: deps.clock(),
    });
    return out;
  });
  await deps.jobs.enqueueReprice({ reason: 'price-grid' }).catch((err: Error) => deps.logger.warn({ err: err.message }, 'reprice enqueue failed'));
  return saved;
}

export async function setPriceFactors(deps: AppDeps, actor: Actor | null, raw: unknown) {
  const operator = requireCapability(requireRole(actor, 'OPERATOR'), 'MONEY');
  const entries = parseInput(
    z
      .array(z.object({ name: z.enum(FACTOR_NAMES), value: decimal }))
      .min(1)
      .max(FACTOR_NAMES.length),
    raw,
  );
  await deps.db.transaction(async (tx) => {
    for (const e of entries) {
      await tx
        .insert(priceFactors)
        .values(e)
        .onConflictDoUpdate({ target: priceFactors.name, set: { value: e.value } });
    }
    await recordAudit(tx, {
      actor: operator,
      action: 'price_factors.set',
      target: { type: 'price_factors', id: null, organizationId: null },
      details: { factors: Object.fromEntries(entries.map((e) => [e.name, e.value])) },
      at: deps.clock(),
    });
  });
  await deps.jobs.enqueueReprice({ reason: 'price-factors' }).catch((err: Error) => deps.logger.warn({ err: err.message }, 'reprice enqueue failed'));
  return deps.db.select().from(priceFactors).orderBy(priceFactors.name);
}

export async function setCommissionRate(deps: AppDeps, actor: Actor | null, segmentCode: string, rate: string) {
  const operator = requireCapability(requireRole(actor, 'OPERATOR'), 'MONEY');
  const match = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.exec(rate.trim());
  if (!match) throw badInput([{ path: 'rate', message: 'a fraction from 0 to 1 with at most 4 decimals, e.g. "0.20"' }]);
  const bps = Math.round(Number(rate) * 10_000);
  const code = segmentCode.toUpperCase();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select({ commissionBps: segments.commissionBps }).from(segments).where(eq(segments.code, code)).for('update');
    const [row] = await tx.update(segments).set({ commissionBps: bps }).where(eq(segments.code, code)).returning();
    if (!row) throw new DomainError('SEGMENT_NOT_FOUND', 'No such segment', [{ path: 'segment', message: 'unknown segment' }]);
    await recordAudit(tx, {
      actor: operator,
      action: 'commission.set',
      target: { type: 'segment', id: code, organizationId: null },
      details: { commissionBps: bps, previousBps: before?.commissionBps ?? null },
      at: deps.clock(),
    });
    return row;
  });
}

export function calculateCampaign(
  deps: AppDeps,
  clicks: number,
  costPerClick: string,
  leadCount: number,
): { budget: Money; costPerLead: Money; conversionRate: number } {
  const currency = deps.config.PLATFORM_CURRENCY;
  const cpc = parseMoneyInput(costPerClick, currency, 'costPerClick');
  const fields = [
    ...(Number.isInteger(clicks) && clicks >= 0 && clicks <= 1e9 ? [] : [{ path: 'clicks', message: 'a whole number from 0' }]),
    ...(cpc != null && cpc >= 0 ? [] : [{ path: 'costPerClick', message: `a non-negative amount in ${currency}` }]),
    ...(Number.isInteger(leadCount) && leadCount >= 0 && leadCount <= 1e9 ? [] : [{ path: 'leads', message: 'a whole number from 0' }]),
    ...(leadCount > clicks ? [{ path: 'leads', message: 'cannot exceed clicks' }] : []),
  ];
  if (fields.length) throw badInput(fields);
  const math = campaignMath(clicks, cpc!, leadCount);
  return { budget: money(math.budget, currency), costPerLead: money(math.costPerLead, currency), conversionRate: math.conversionRate };
}

// chargeStep of the currencies whose step is not 1, for the SQL twin: it rounds each lead to its currency's step
const STEPS_NOT_ONE = JSON.stringify(Object.fromEntries([...STRIPE_THREE_DECIMAL].map((c) => [c, chargeStep(c)])));

/**
 * Set-based repricing of leads still on offer (the SQL twin of `listPrice`, to the charge step of the lead's
 * currency; a test keeps them equal), with each seller's stored conversion factor in the segment
 * (seller_segment_conversion). Runs after grid edits and daily, as freshness decays.
 */
export async function repriceLeads(db: Db, now: Date, leadIds?: string[]): Promise<number> {
  // the ids as one JSON parameter (shared/bulk-sql.ts): a verdict reprices up to a whole batch
  const scope = leadIds?.length ? sql`AND l.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(leadIds)}::jsonb))` : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    WITH f AS (SELECT jsonb_object_agg(name, value) AS v FROM price_factors),
    steps AS (SELECT ${STEPS_NOT_ONE}::jsonb AS v),
    priced AS (
      SELECT l.id, COALESCE(l.asking_price, COALESCE((steps.v ->> l.currency)::int, 1) * round(
          COALESCE(gs.base_amount, g.base_amount)
          * (f.v ->> ('TEMPERATURE_' || l.temperature))::numeric
          * (f.v ->> ('EXCLUSIVITY_' || l.exclusivity))::numeric
          * (f.v ->> CASE WHEN l.verification = 'VERIFIED' THEN 'VERIFIED' ELSE 'UNVERIFIED' END)::numeric
          * COALESCE(c.factor, 1)
          * greatest((f.v ->> 'FRESHNESS_FLOOR')::numeric,
                     1 - (f.v ->> 'FRESHNESS_DAILY_DECAY')::numeric
                         * greatest(0, floor(extract(epoch FROM (${now.toISOString()}::timestamptz - l.captured_at)) / 86400)))
          / COALESCE((steps.v ->> l.currency)::int, 1)
        )) AS new_price
      FROM leads l
      CROSS JOIN f
      CROSS JOIN steps
      LEFT JOIN price_grid gs ON gs.segment_code = l.segment AND gs.subsegment = l.subsegment AND gs.geo_tier = l.geo_tier
      LEFT JOIN price_grid g ON g.segment_code = l.segment AND g.subsegment = '' AND g.geo_tier = l.geo_tier
      LEFT JOIN seller_segment_conversion c ON c.seller_org_id = l.seller_org_id AND c.segment = l.segment
      WHERE l.status IN ('LISTED', 'PENDING_VERIFICATION') ${scope}
    )
    UPDATE leads SET price = priced.new_price
    FROM priced
    WHERE leads.id = priced.id AND priced.new_price IS NOT NULL AND leads.price <> priced.new_price
    RETURNING leads.id`,
  );
  return rows.length;
}
