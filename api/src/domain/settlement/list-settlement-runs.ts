// Settlement run reports for operators, newest first.
import { schema } from '@leadex/db';
import { and, count, desc, eq, lt, or } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { requireRole, type Actor } from '../auth/access';
import { MAX_PAGE_SIZE, type Page, type PageArgs } from '../leads/browse-leads';
import { badInput } from '../shared/domain-error';
import type { SettlementRunRow } from './run-settlement';

const { settlementRuns } = schema;

export async function listSettlementRuns(deps: AppDeps, actor: Actor | null, args: PageArgs): Promise<Page<SettlementRunRow>> {
  requireRole(actor, 'OPERATOR');
  const limit = args.first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  let after: { at: Date; id: string } | null = null;
  if (args.after) {
    const [at, id] = (() => {
      try {
        return JSON.parse(Buffer.from(args.after!, 'base64url').toString('utf8')) as [string, string];
      } catch {
        return [null, null];
      }
    })();
    if (!at || !id || Number.isNaN(new Date(at).getTime())) throw badInput([{ path: 'after', message: 'not a cursor of this list' }]);
    after = { at: new Date(at), id };
  }
  const where = after ? or(lt(settlementRuns.startedAt, after.at), and(eq(settlementRuns.startedAt, after.at), lt(settlementRuns.id, after.id))) : undefined;
  const rows = await deps.db.select().from(settlementRuns).where(where).orderBy(desc(settlementRuns.startedAt), desc(settlementRuns.id)).limit(limit + 1);
  const edges = rows.slice(0, limit).map((node) => ({ cursor: Buffer.from(JSON.stringify([node.startedAt.toISOString(), node.id])).toString('base64url'), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => Number((await deps.db.select({ n: count() }).from(settlementRuns))[0]!.n),
  };
}
