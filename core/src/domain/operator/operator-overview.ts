// The operator overview (issue 15): sales and commission a day, the dispute rate, the spot-check failure rate
// and the top sellers and buyers over the last `days` whole UTC days, in the platform currency.
import { queryRows, sql } from '@leadex/db';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireRole, type Actor } from '../auth/access';
import { parseInput } from '../shared/validation';
import { FIRST_MEMBER_EMAIL_DOMAIN } from '../verification/seller-quality.service';
import { fillDays, MAX_OVERVIEW_DAYS, overviewSince, totalsOf, type DayCounts, type OverviewDay } from './operator-overview.rules';

export const TOP_PARTIES = 5;

export interface OverviewParty {
  id: string;
  name: string;
  emailDomain: string | null;
  sales: number;
  amount: number;
}

export interface OperatorOverview {
  days: number;
  since: Date;
  currency: string;
  daily: OverviewDay[];
  totals: ReturnType<typeof totalsOf>;
  topSellers: OverviewParty[];
  topBuyers: OverviewParty[];
}

const ZDays = z.number().int().min(1, `from 1 to ${MAX_OVERVIEW_DAYS}`).max(MAX_OVERVIEW_DAYS, `from 1 to ${MAX_OVERVIEW_DAYS}`);

export async function operatorOverview(deps: AppDeps, actor: Actor | null, rawDays: number): Promise<OperatorOverview> {
  requireRole(actor, 'OPERATOR');
  const days = parseInput(ZDays, rawDays, 'days');
  const since = overviewSince(deps.clock(), days);
  const from = since.toISOString();
  const currency = deps.config.PLATFORM_CURRENCY;
  const day = (column: ReturnType<typeof sql.raw>) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const [sales, disputes, batches] = await Promise.all([
    queryRows<{ date: string; sales: number; amount: string; commission: string }>(
      deps.db,
      sql`SELECT ${day(sql.raw('purchased_at'))} AS date, count(*)::int AS sales, sum(price)::text AS amount, sum(commission)::text AS commission
          FROM purchases WHERE purchased_at >= ${from}::timestamptz AND currency = ${currency} AND replacement_for_dispute_id IS NULL GROUP BY 1`,
    ),
    queryRows<{ date: string; n: number }>(
      deps.db,
      sql`SELECT ${day(sql.raw('opened_at'))} AS date, count(*)::int AS n FROM disputes WHERE opened_at >= ${from}::timestamptz GROUP BY 1`,
    ),
    queryRows<{ date: string; checked: number; failed: number }>(
      deps.db,
      sql`SELECT ${day(sql.raw('verdict_at'))} AS date, count(*)::int AS checked, count(*) FILTER (WHERE status = 'FAILED')::int AS failed
          FROM lead_batches WHERE verdict_at >= ${from}::timestamptz AND status IN ('VERIFIED', 'FAILED') GROUP BY 1`,
    ),
  ]);
  const rows: DayCounts[] = [
    ...sales.map((r) => ({ date: r.date, sales: Number(r.sales), salesAmount: Number(r.amount), commission: Number(r.commission) })),
    ...disputes.map((r) => ({ date: r.date, disputesOpened: Number(r.n) })),
    ...batches.map((r) => ({ date: r.date, batchesChecked: Number(r.checked), batchesFailed: Number(r.failed) })),
  ];
  const daily = fillDays(since, days, rows);
  const [topSellers, topBuyers] = await Promise.all([topParties(deps, 'seller_org_id', from, currency), topParties(deps, 'buyer_org_id', from, currency)]);
  return { days, since, currency, daily, totals: totalsOf(daily), topSellers, topBuyers };
}

async function topParties(deps: AppDeps, side: 'seller_org_id' | 'buyer_org_id', from: string, currency: string): Promise<OverviewParty[]> {
  const rows = await queryRows<{ id: string; name: string; email_domain: string | null; sales: number; amount: string }>(
    deps.db,
    sql`SELECT o.id, o.name, count(*)::int AS sales, sum(p.price)::text AS amount,
               ${FIRST_MEMBER_EMAIL_DOMAIN} AS email_domain
        FROM purchases p JOIN organizations o ON o.id = p.${sql.raw(side)}
        WHERE p.purchased_at >= ${from}::timestamptz AND p.currency = ${currency} AND p.replacement_for_dispute_id IS NULL
        GROUP BY o.id, o.name ORDER BY sum(p.price) DESC, o.name, o.id LIMIT ${TOP_PARTIES}`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, emailDomain: r.email_domain || null, sales: Number(r.sales), amount: Number(r.amount) }));
}
