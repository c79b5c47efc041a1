// Settlement run reports for operators, newest first.
import { schema } from '@leadex/db';
import { count, desc } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireRole, type Actor } from '../auth/access';
import { newestFirstPage, type Page, type PageArgs } from '../shared/newest-first-page';
import type { SettlementRunRow } from './run-settlement';

const { settlementRuns } = schema;

export async function listSettlementRuns(deps: AppDeps, actor: Actor | null, args: PageArgs): Promise<Page<SettlementRunRow>> {
  requireRole(actor, 'OPERATOR');
  return newestFirstPage<SettlementRunRow>(
    args,
    { time: settlementRuns.startedAt, id: settlementRuns.id },
    (r) => r.startedAt,
    (after, limit) => deps.db.select().from(settlementRuns).where(after).orderBy(desc(settlementRuns.startedAt), desc(settlementRuns.id)).limit(limit),
    async () => Number((await deps.db.select({ n: count() }).from(settlementRuns))[0]!.n),
  );
}
