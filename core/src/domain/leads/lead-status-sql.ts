// Lead statuses inside raw SQL: the lifecycle's lists written as literals, and the SET clause of a sale.
import { schema, sql } from '@leadex/db';
import type { SQL } from 'drizzle-orm';
import { fromStatuses } from '../shared/lifecycle';
import { LEAD_LIFECYCLE } from './lead.lifecycle';

const { leads } = schema;

/**
 * `('LISTED', …)` as literal SQL, for `status IN …`. Literals, not bound parameters: the partial indexes
 * `WHERE status = 'LISTED'` serve a query only when the planner can see the value, also in a generic plan.
 * Safe to inline: the values are the lifecycle's own status names, checked to be plain upper-case words.
 */
export function statusListSql(statuses: readonly string[]): SQL {
  if (!statuses.length || statuses.some((s) => !/^[A-Z_]+$/.test(s))) throw new Error(`not a status list: ${statuses.join(',')}`);
  return sql.raw(`(${statuses.map((s) => `'${s}'`).join(', ')})`);
}

/**
 * The SET clause of a sale: `added` more paid sales on a lead, and SOLD_OUT when they use up its capacity — only
 * from a status the lead lifecycle lets a sale sell out (LISTED). A lead withdrawn while an unpaid order held it
 * stays WITHDRAWN when that order is paid (the sale itself still counts).
 */
export function salesAndSoldOut(added: number): { salesCount: SQL; status: SQL } {
  return {
    salesCount: sql`${leads.salesCount} + ${added}`,
    status: sql`CASE WHEN ${leads.salesCount} + ${added} >= ${leads.maxSales} AND ${leads.status} IN ${statusListSql(fromStatuses(LEAD_LIFECYCLE, 'SOLD_OUT', 'SYSTEM'))} THEN 'SOLD_OUT' ELSE ${leads.status} END`,
  };
}
