// Reading leads: the marketplace (listed leads, masked), a seller's own listings, and one lead by id.
import { schema } from '@leadex/db';
import { and, count, eq, gt, notExists, sql, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireActor, requireScope, type Actor } from '../auth/access';
import { badInput } from '../shared/domain-error';
import { invalidCursor, pageSize, type Page, type PageArgs } from '../shared/newest-first-page';
import { afterCursor, decodeCursor, encodeCursor, filterConditions, parseLeadFilter, sortOrder, type LeadSort } from './lead-filter';
import { buyerOwnsLead } from '../purchases/purchases.service';
import type { LeadRow } from './submit-leads';
import { notSuppressedFor } from '../suppression/suppression-lookups';
import { leadMatches, parseSearch } from './lead-search';

const { leads, organizations } = schema;

export type { Page, PageArgs } from '../shared/newest-first-page';
export { MAX_PAGE_SIZE } from '../shared/newest-first-page';

/** A count that stops at a cap: `count` is exact when not `capped`, else the cap (there are more). */
export interface CappedCount {
  count: number;
  capped: boolean;
}

/** Above this the marketplace shows "10,000+": counting every match of a wide filter would cost a full scan. */
export const MARKETPLACE_COUNT_CAP = 10_000;

export type LeadPage = Page<LeadRow> & { totalCountCapped: () => Promise<CappedCount> };

/** `offset` (marketplace page numbers): rows to skip, up to the count cap, and not together with `after`. */
export type LeadPageArgs = PageArgs & { offset?: number | null };

function pageOffset(args: LeadPageArgs): number {
  if (args.offset == null || args.offset === 0) return 0;
  if (args.after) throw badInput([{ path: 'offset', message: 'use either offset or after, not both' }]);
  if (!Number.isInteger(args.offset) || args.offset < 0 || args.offset > MARKETPLACE_COUNT_CAP) {
    throw badInput([{ path: 'offset', message: `must be between 0 and ${MARKETPLACE_COUNT_CAP}` }]);
  }
  return args.offset;
}

async function pageOfLeads(deps: AppDeps, base: SQL[], rawFilter: unknown, sort: LeadSort, args: LeadPageArgs): Promise<LeadPage> {
  const filter = parseLeadFilter(rawFilter);
  const limit = pageSize(args.first);
  const offset = pageOffset(args);
  const { where, needsSellerJoin } = filterConditions(filter, deps.clock(), deps.config.PLATFORM_CURRENCY);
  const conditions = [...base, ...where];
  const countConditions = [...conditions];
  if (args.after) {
    const cursor = decodeCursor(sort, args.after);
    // a cursor of another sort, or one edited by hand, would compare the wrong column or fail in SQL
    if (!cursor) throw invalidCursor();
    conditions.push(afterCursor(sort, cursor));
  }
  const query = deps.db.select({ lead: leads }).from(leads);
  const joined = needsSellerJoin ? query.innerJoin(organizations, eq(organizations.id, leads.sellerOrgId)) : query;
  const rows = (
    await joined
      .where(and(...conditions))
      .orderBy(...sortOrder(sort))
      .limit(limit + 1)
      .offset(offset)
  ).map((r) => r.lead);
  const hasNextPage = rows.length > limit;
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(sort, node), node }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: !!args.after || offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => {
      const q = deps.db.select({ n: count() }).from(leads);
      const j = needsSellerJoin ? q.innerJoin(organizations, eq(organizations.id, leads.sellerOrgId)) : q;
      const [row] = await j.where(and(...countConditions));
      return Number(row?.n ?? 0);
    },
    totalCountCapped: async () => {
      // counts at most cap + 1 rows: the scan stops there
      const q = deps.db.select({ one: sql`1` }).from(leads);
      const j = needsSellerJoin ? q.innerJoin(organizations, eq(organizations.id, leads.sellerOrgId)) : q;
      const limited = j
        .where(and(...countConditions))
        .limit(MARKETPLACE_COUNT_CAP + 1)
        .as('limited');
      const [row] = await deps.db.select({ n: count() }).from(limited);
      const n = Number(row?.n ?? 0);
      return n > MARKETPLACE_COUNT_CAP ? { count: MARKETPLACE_COUNT_CAP, capped: true } : { count: n, capped: false };
    },
  };
}

/** Listed, unexpired leads of sellers who are not suspended; every signed-in user may browse (masked). */
export async function browseMarketplace(deps: AppDeps, actor: Actor | null, filter: unknown, sort: LeadSort | null | undefined, args: LeadPageArgs) {
  const a = requireActor(actor);
  if ((filter as { statuses?: unknown } | null)?.statuses) throw badInput([{ path: 'filter.statuses', message: 'the marketplace shows listed leads only' }]);
  const base = [
    eq(leads.status, 'LISTED'),
    gt(leads.expiresAt, deps.clock()),
    // a suspended seller's leads leave the market (a primary-key probe per candidate row)
    notExists(
      deps.db
        .select({ one: sql`1` })
        .from(organizations)
        .where(and(eq(organizations.id, leads.sellerOrgId), eq(organizations.suspended, true))),
    ),
    // a buyer's own contacts (their suppression list) are never offered back to them; others still see the lead
    ...(a.role === 'BUYER' ? [notSuppressedFor(deps.db, a.organizationId)] : []),
  ];
  return pageOfLeads(deps, base, filter, sort ?? 'NEWEST', args);
}

/** `search`: a lead id prefix, or text in the external id, city, masked name or segment (lead-search.ts). */
export async function myListings(deps: AppDeps, actor: Actor | null, filter: unknown, args: PageArgs, search?: unknown) {
  const seller = requireScope(actor, 'leads:read', 'SELLER');
  const text = parseSearch(search);
  return pageOfLeads(deps, [eq(leads.sellerOrgId, seller.organizationId), ...(text ? [leadMatches(text)] : [])], filter, 'NEWEST', args);
}

export async function findLead(deps: AppDeps, actor: Actor | null, id: string): Promise<LeadRow | null> {
  const a = requireScope(actor, 'leads:read');
  const [row] = await deps.db.select().from(leads).where(eq(leads.id, id)).limit(1);
  if (!row) return null;
  if (a.via === 'apiKey' && row.sellerOrgId !== a.organizationId) return null; // a key reads its own organization's leads only
  // others see a lead only while it is on the market; the owner and operators always
  if (row.sellerOrgId === a.organizationId || a.role === 'OPERATOR' || row.status === 'LISTED' || row.status === 'SOLD_OUT') return row;
  // a buyer keeps seeing what they bought, whatever happened to the listing since
  if (a.role === 'BUYER' && (await buyerOwnsLead(deps, a.organizationId, row.id))) return row;
  return null;
}
