// Reading the audit log: operators every entry, an organisation's users their own organisation's, newest first.
import { schema, type Db } from '@leadex/db';
import { and, count, desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireActor, requireCapability, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { newestFirstPage, type Page, type PageArgs } from '../shared/newest-first-page';
import { auditConditions, parseAuditFilter, type TAuditFilter } from './audit-filter';
import { auditScopeOf, visibleActor } from './audit.rules';

const { auditLog, users } = schema;

/** An entry as read: the stored row with the acting user's name. */
export type AuditLogEntry = typeof auditLog.$inferSelect & { actorName: string | null };

/** The most rows one CSV export holds; narrow the filter for more. */
export const MAX_AUDIT_EXPORT_ROWS = 10_000;

/** The reader and the scope they may read; an organisation filter outside that scope is refused. */
function readerScope(actor: Actor | null, filter: TAuditFilter): { reader: Actor; scope: string | null } {
  // operators read everything; in a seller's or buyer's organisation only its owners read its audit log
  const reader = requireActor(actor);
  if (reader.role !== 'OPERATOR') requireCapability(reader, 'OWNERSHIP');
  const scope = auditScopeOf(reader);
  if (scope && filter.organizationId && filter.organizationId !== scope) {
    throw new DomainError('NOT_OWNER', "Only your own organisation's audit log is readable", [
      { path: 'filter.organizationId', message: 'not your organisation' },
    ]);
  }
  return { reader, scope };
}

function selectEntries(db: Db) {
  return db.select({ entry: auditLog, actorName: users.name }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId));
}

const asEntry = (reader: Actor) => (r: { entry: typeof auditLog.$inferSelect; actorName: string | null }) =>
  visibleActor({ ...r.entry, actorName: r.actorName }, reader);

/** A page of entries matching `rawFilter` (parsed here: BAD_USER_INPUT on `filter.<field>`). */
export async function listAuditLog(deps: AppDeps, actor: Actor | null, rawFilter: unknown, args: PageArgs): Promise<Page<AuditLogEntry>> {
  const filter = parseAuditFilter(rawFilter);
  const { reader, scope } = readerScope(actor, filter);
  const where = auditConditions(filter, scope);
  return newestFirstPage<AuditLogEntry>(
    args,
    { time: auditLog.at, id: auditLog.id },
    (r) => r.at,
    async (after, limit) =>
      (await selectEntries(deps.db).where(and(where, after)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit)).map(asEntry(reader)),
    async () => Number((await deps.db.select({ n: count() }).from(auditLog).where(where))[0]!.n),
  );
}

/** Every entry matching the filter, newest first, up to MAX_AUDIT_EXPORT_ROWS (the CSV export). */
export async function auditLogForExport(deps: AppDeps, actor: Actor | null, rawFilter: unknown): Promise<AuditLogEntry[]> {
  const filter = parseAuditFilter(rawFilter);
  const { reader, scope } = readerScope(actor, filter);
  const rows = await selectEntries(deps.db).where(auditConditions(filter, scope)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(MAX_AUDIT_EXPORT_ROWS);
  return rows.map(asEntry(reader));
}
