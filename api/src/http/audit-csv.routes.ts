// GET /audit.csv?action=&actorUserId=&organizationId=&targetId=&from=&to=&search=: the audit log as CSV, with the
// same filter and the same reader scope as the auditLog query (operators all, others their own organisation).
// Details hold text people typed (notes, names of keys): cells that start like a formula are neutralised (safe-csv.ts).
import { Router } from 'express';
import type { AppDeps } from '@leadex/core';
import { auditLogForExport } from '@leadex/core/domain/audit/list-audit-log';
import { resolveActor } from './resolve-actor';
import { toSafeCsv } from './safe-csv';
import { sendDomainError } from './send-error';

const FILTER_FIELDS = ['action', 'actorUserId', 'organizationId', 'targetId', 'from', 'to', 'search'] as const;

/** The query string's filter fields; a repeated parameter is kept as an array so the filter refuses it. */
function filterFrom(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FILTER_FIELDS.filter((f) => query[f] !== undefined && query[f] !== '').map((f) => [f, query[f]]));
}

export function auditCsvRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/audit.csv', async (req, res, next) => {
    try {
      const actor = await resolveActor(deps, req);
      const rows = await auditLogForExport(deps, actor, filterFrom(req.query as Record<string, unknown>));
      const out: string[][] = [
        [
          'id',
          'at',
          'action',
          'actor_role',
          'actor_user_id',
          'actor_name',
          'actor_api_key_id',
          'actor_organization_id',
          'target_type',
          'target_id',
          'target_organization_id',
          'request_id',
          'details',
        ],
      ];
      for (const e of rows) {
        out.push([
          e.id,
          e.at.toISOString(),
          e.action,
          e.actorRole,
          e.actorUserId ?? '',
          e.actorName ?? '',
          e.actorApiKeyId ?? '',
          e.actorOrgId ?? '',
          e.targetType,
          e.targetId ?? '',
          e.targetOrgId ?? '',
          e.requestId ?? '',
          JSON.stringify(e.details),
        ]);
      }
      res.type('text/csv').attachment('leadex-audit-log.csv').send(toSafeCsv(out));
    } catch (err) {
      if (!sendDomainError(res, err)) next(err);
    }
  });
  return router;
}
