// Disputes visible to the caller: operators see all, buyers their own, sellers those about their leads.
import { DISPUTE_STATUSES, schema, type DisputeStatus } from '@leadex/db';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireActor, type Actor } from '../auth/access';
import { badInput } from '../shared/domain-error';
import { containsPattern, MAX_SEARCH_LENGTH } from '../shared/offset-page';
import { newestFirstPage, type Page, type PageArgs } from '../shared/newest-first-page';

const { disputes } = schema;
export type DisputeRow = typeof disputes.$inferSelect;
const isDisputeStatus = (s: string): s is DisputeStatus => (DISPUTE_STATUSES as readonly string[]).includes(s);

/** `search` (issue 15): a dispute, purchase or lead id, or words of the reason or evidence; operators also match the seller's or buyer's name. */
export async function listDisputes(
  deps: AppDeps,
  actor: Actor | null,
  status: string | null | undefined,
  args: PageArgs & { search?: string | null },
): Promise<Page<DisputeRow>> {
  const a = requireActor(actor);
  if (status && !isDisputeStatus(status)) throw badInput([{ path: 'status', message: DISPUTE_STATUSES.join(', ') }]);
  const search = args.search?.trim() || null;
  if (search && search.length > MAX_SEARCH_LENGTH) throw badInput([{ path: 'search', message: `at most ${MAX_SEARCH_LENGTH} characters` }]);
  const scope: SQL[] = [];
  if (a.role === 'BUYER') scope.push(eq(disputes.buyerOrgId, a.organizationId));
  if (a.role === 'SELLER') scope.push(eq(disputes.sellerOrgId, a.organizationId));
  if (status) scope.push(eq(disputes.status, status as DisputeStatus));
  if (search) scope.push(searchCondition(search, a.role === 'OPERATOR'));
  return newestFirstPage<DisputeRow>(
    args,
    { time: disputes.openedAt, id: disputes.id },
    (d) => d.openedAt,
    (after, limit) =>
      deps.db
        .select()
        .from(disputes)
        .where(and(...scope, after))
        .orderBy(desc(disputes.openedAt), desc(disputes.id))
        .limit(limit),
    async () =>
      Number(
        (
          await deps.db
            .select({ n: count() })
            .from(disputes)
            .where(and(...scope))
        )[0]!.n,
      ),
  );
}

function searchCondition(search: string, byOrganizationName: boolean): SQL {
  const pattern = containsPattern(search);
  const names = byOrganizationName
    ? sql`OR EXISTS (SELECT 1 FROM organizations o WHERE o.id IN (${disputes.sellerOrgId}, ${disputes.buyerOrgId}) AND o.name ILIKE ${pattern})`
    : sql``;
  return sql`(${disputes.id} = ${search} OR ${disputes.purchaseId} = ${search} OR replace(${disputes.reason}, '_', ' ') ILIKE ${pattern} OR ${disputes.evidence} ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM purchases p WHERE p.id = ${disputes.purchaseId} AND p.lead_id = ${search}) ${names})`;
}
