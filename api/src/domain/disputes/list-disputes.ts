// Disputes visible to the caller: operators see all, buyers their own, sellers those about their leads.
import { schema } from '@leadex/db';
import { and, count, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { requireActor, type Actor } from '../auth/access';
import { MAX_PAGE_SIZE, type Page, type PageArgs } from '../leads/browse-leads';
import { badInput } from '../shared/domain-error';

const { disputes } = schema;
export type DisputeRow = typeof disputes.$inferSelect;
const STATUSES = ['OPEN', 'ACCEPTED', 'REJECTED'];

export async function listDisputes(deps: AppDeps, actor: Actor | null, status: string | null | undefined, args: PageArgs): Promise<Page<DisputeRow>> {
  const a = requireActor(actor);
  const limit = args.first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  if (status && !STATUSES.includes(status)) throw badInput([{ path: 'status', message: STATUSES.join(', ') }]);
  const scope: SQL[] = [];
  if (a.role === 'BUYER') scope.push(eq(disputes.buyerOrgId, a.organizationId));
  if (a.role === 'SELLER') scope.push(eq(disputes.sellerOrgId, a.organizationId));
  if (status) scope.push(eq(disputes.status, status));
  let after: { at: Date; id: string } | null = null;
  if (args.after) {
    try {
      const [at, id] = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8')) as [string, string];
      after = { at: new Date(at), id };
      if (Number.isNaN(after.at.getTime())) throw new Error('bad date');
    } catch {
      throw badInput([{ path: 'after', message: 'not a cursor of this list' }]);
    }
  }
  const where = [...scope, ...(after ? [or(lt(disputes.openedAt, after.at), and(eq(disputes.openedAt, after.at), lt(disputes.id, after.id)))!] : [])];
  const rows = await deps.db.select().from(disputes).where(and(...where)).orderBy(desc(disputes.openedAt), desc(disputes.id)).limit(limit + 1);
  const edges = rows.slice(0, limit).map((node) => ({ cursor: Buffer.from(JSON.stringify([node.openedAt.toISOString(), node.id])).toString('base64url'), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => Number((await deps.db.select({ n: count() }).from(disputes).where(and(...scope)))[0]!.n),
  };
}
