// The audit log's filter, parsed once for GraphQL and the CSV export: bad input is BAD_USER_INPUT on `filter.<field>`.
import { schema } from '@leadex/db';
import { and, eq, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseInput } from '../shared/validation';
import { AUDIT_ACTIONS } from './audit-actions';

const { auditLog } = schema;

// a date (a whole day, UTC) or a date-time with its offset: what an <input type="date"> and toISOString write
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

function instant(end: boolean) {
  return z
    .string()
    .trim()
    .max(40)
    .transform((text, ctx) => {
      const dateOnly = DATE_ONLY.test(text);
      const date = dateOnly || DATE_TIME.test(text) ? new Date(dateOnly ? `${text}T00:00:00Z` : text) : null;
      // the calendar check: 2026-02-31 parses, rolled over, to March
      if (!date || Number.isNaN(date.getTime()) || (dateOnly && date.toISOString().slice(0, 10) !== text)) {
        ctx.addIssue({ code: 'custom', message: 'an ISO-8601 date (2026-12-01) or date-time (2026-12-01T09:30:00Z)' });
        return z.NEVER;
      }
      // `to` is exclusive; a date-only `to` includes that whole day
      return end && dateOnly ? new Date(date.getTime() + DAY_MS) : date;
    });
}

const ACTION = z
  .string()
  .trim()
  .max(60)
  .refine((a) => (AUDIT_ACTIONS as readonly string[]).includes(a) || (/^[a-z_]+\.\*$/.test(a) && AUDIT_ACTIONS.some((x) => x.startsWith(a.slice(0, -1)))), {
    message: 'an action code (e.g. contact.read) or a family (e.g. payout.*)',
  });
const ID = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an id such as usr_01…');

export const ZAuditFilter = z
  .object({
    action: ACTION.nullish(),
    actorUserId: ID.nullish(),
    organizationId: ID.nullish(),
    targetId: ID.nullish(),
    from: instant(false).nullish(),
    to: instant(true).nullish(),
    search: z.string().trim().max(100).nullish(),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from >= f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  });
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** The filter as typed by a caller (GraphQL input or the CSV query string), parsed; errors name `filter.<field>`. */
export function parseAuditFilter(raw: unknown): TAuditFilter {
  return parseInput(ZAuditFilter, raw ?? {}, 'filter');
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE of a filter within a reader's scope (null: every organisation). */
export function auditConditions(filter: TAuditFilter, scopeOrgId: string | null): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (scopeOrgId) conditions.push(eq(auditLog.targetOrgId, scopeOrgId));
  if (filter.organizationId) conditions.push(eq(auditLog.targetOrgId, filter.organizationId));
  if (filter.action) {
    conditions.push(filter.action.endsWith('.*') ? like(auditLog.action, `${escapeLike(filter.action.slice(0, -1))}%`) : eq(auditLog.action, filter.action));
  }
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.targetId) conditions.push(eq(auditLog.targetId, filter.targetId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(
      or(
        ilike(auditLog.action, pattern),
        ilike(auditLog.targetType, pattern),
        ilike(auditLog.targetId, pattern),
        ilike(auditLog.actorUserId, pattern),
        ilike(auditLog.actorApiKeyId, pattern),
        ilike(auditLog.actorOrgId, pattern),
        ilike(auditLog.targetOrgId, pattern),
        ilike(auditLog.requestId, pattern),
        sql`${auditLog.details}::text ILIKE ${pattern}`,
      ),
    );
  }
  return and(...conditions);
}
