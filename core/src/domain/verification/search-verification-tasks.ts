// The operators' spot-check table: call tasks of one status, oldest first, searched by seller name, segment,
// place, lead or batch id (the contact itself is sealed, so not searchable), paged by offset.
import { queryRows, schema, sql, VERIFICATION_TASK_STATUSES, type VerificationTaskStatus } from '@leadex/db';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { badInput } from '../shared/domain-error';
import { containsPattern, parseOffsetPageArgs, type OffsetPage, type OffsetPageArgs } from '../shared/offset-page';
import type { VerificationTaskRow } from './manual-tasks';

export async function searchVerificationTasks(
  deps: AppDeps,
  actor: Actor | null,
  status: string | null | undefined,
  args: OffsetPageArgs,
): Promise<OffsetPage<VerificationTaskRow>> {
  requireUser(actor, 'OPERATOR');
  const wanted = status ?? 'OPEN';
  if (!(VERIFICATION_TASK_STATUSES as readonly string[]).includes(wanted)) throw badInput([{ path: 'status', message: VERIFICATION_TASK_STATUSES.join(', ') }]);
  const { search, first, offset } = parseOffsetPageArgs(args);
  const pattern = search ? containsPattern(search) : null;
  const matching = pattern
    ? sql`AND (o.name ILIKE ${pattern} OR l.segment ILIKE ${pattern} OR l.subsegment ILIKE ${pattern} OR l.city ILIKE ${pattern}
               OR l.region ILIKE ${pattern} OR l.country ILIKE ${pattern} OR t.lead_id = ${search} OR t.batch_id = ${search} OR t.id = ${search})`
    : sql``;
  const rows = await queryRows<{ id: string; total: number }>(
    deps.db,
    sql`SELECT t.id, count(*) OVER ()::int AS total
        FROM verification_tasks t JOIN leads l ON l.id = t.lead_id JOIN organizations o ON o.id = l.seller_org_id
        WHERE t.status = ${wanted as VerificationTaskStatus} ${matching}
        ORDER BY t.created_at, t.id LIMIT ${first} OFFSET ${offset}`,
  );
  if (!rows.length) {
    if (offset === 0) return { items: [], totalCount: 0 };
    return { items: [], totalCount: (await searchVerificationTasks(deps, actor, wanted, { search, first: 1, offset: 0 })).totalCount };
  }
  const ids = rows.map((r) => r.id);
  const tasks = await deps.db.select().from(schema.verificationTasks).where(inArray(schema.verificationTasks.id, ids));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return { items: ids.map((id) => byId.get(id)!).filter(Boolean), totalCount: Number(rows[0]!.total) };
}
