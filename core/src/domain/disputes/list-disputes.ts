// Disputes visible to the caller: operators see all, buyers their own, sellers those about their leads.
import { DISPUTE_STATUSES, schema, type DisputeStatus } from '@leadex/db';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireActor, type Actor } from '../auth/access';
import { badInput } from '../shared/domain-error';
import { newestFirstPage, type Page, type PageArgs } from '../shared/newest-first-page';

const { disputes } = schema;
export type DisputeRow = typeof disputes.$inferSelect;
const isDisputeStatus = (s: string): s is DisputeStatus => (DISPUTE_STATUSES as readonly string[]).includes(s);

export async function listDisputes(deps: AppDeps, actor: Actor | null, status: string | null | undefined, args: PageArgs): Promise<Page<DisputeRow>> {
  const a = requireActor(actor);
  if (status && !isDisputeStatus(status)) throw badInput([{ path: 'status', message: DISPUTE_STATUSES.join(', ') }]);
  const scope: SQL[] = [];
  if (a.role === 'BUYER') scope.push(eq(disputes.buyerOrgId, a.organizationId));
  if (a.role === 'SELLER') scope.push(eq(disputes.sellerOrgId, a.organizationId));
  if (status) scope.push(eq(disputes.status, status as DisputeStatus));
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
