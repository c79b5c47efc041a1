// The audit log: thin calls into the audit domain (the filter is parsed there, for GraphQL and CSV alike).
import { AUDIT_ACTIONS } from '@leadex/core/domain/audit/audit-actions';
import { listAuditLog, type AuditLogEntry } from '@leadex/core/domain/audit/list-audit-log';
import { requireActor } from '@leadex/core/domain/auth/access';
import type { GqlContext } from './context';

export const auditResolvers = {
  Query: {
    auditLog: (_: unknown, a: { filter?: unknown; first?: number; after?: string }, ctx: GqlContext) =>
      listAuditLog(ctx.deps, ctx.actor, a.filter, { first: a.first, after: a.after }),
    auditActions: (_: unknown, __: unknown, ctx: GqlContext) => {
      requireActor(ctx.actor);
      return AUDIT_ACTIONS;
    },
  },
  AuditLogConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
  AuditLogEntry: {
    actorOrganizationId: (e: AuditLogEntry) => e.actorOrgId,
    targetOrganizationId: (e: AuditLogEntry) => e.targetOrgId,
  },
};
