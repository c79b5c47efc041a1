// Which listed leads "N leads matching a filter" may take for a buyer: createOrder's matching path locks them,
// the marketplace's bulk-buy estimate prices them, and both read the same conditions from here.
import { schema, type Db } from '@leadex/db';
import { and, asc, desc, eq, gt, lt, ne, notExists, sql, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { filterConditions, parseLeadFilter } from '../leads/lead-filter';
import { badInput } from '../shared/domain-error';
import { notSuppressedFor } from '../suppression/suppression-lookups';

const { leads, orderLines } = schema;

/** Conditions on `leads` (plus whether organizations must be joined); BAD_USER_INPUT at `<path>.*` for a bad filter. */
export function matchingLeadConditions(
  deps: AppDeps,
  db: Db,
  buyerOrgId: string,
  rawFilter: unknown,
  now: Date,
  path: string,
): { conditions: SQL[]; needsSellerJoin: boolean } {
  const filter = parseLeadFilter(rawFilter, path);
  if (filter.statuses?.length) throw badInput([{ path: `${path}.statuses`, message: 'orders take listed leads only' }]);
  const { where, needsSellerJoin } = filterConditions(filter, now, deps.config.PLATFORM_CURRENCY, path);
  const conditions = [
    ...where,
    eq(leads.status, 'LISTED'),
    gt(leads.expiresAt, now),
    lt(sql`${leads.salesCount} + ${leads.reservedCount}`, leads.maxSales),
    ne(leads.sellerOrgId, buyerOrgId),
    notExists(
      db
        .select({ one: sql`1` })
        .from(orderLines)
        .where(and(eq(orderLines.leadId, leads.id), eq(orderLines.buyerOrgId, buyerOrgId), eq(orderLines.active, true))),
    ),
    notSuppressedFor(db, buyerOrgId),
  ];
  return { conditions, needsSellerJoin };
}

/** best price first, then freshest */
export const MATCHING_ORDER = [asc(leads.price), desc(leads.capturedAt), asc(leads.id)];
