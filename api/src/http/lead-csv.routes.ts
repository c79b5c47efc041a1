// REST twin of importLeadsCsv (POST a text/csv body) and the downloadable template.
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from '../context';
import { importLeadsCsv } from '../domain/leads/import-leads-csv';
import { csvTemplate } from '../domain/leads/lead-csv';
import { resolveActor } from './resolve-actor';
import { sendDomainError } from './send-error';

export function leadCsvRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/leads/csv-template', (_req, res) => {
    res.type('text/csv').attachment('leadex-leads-template.csv').send(csvTemplate());
  });
  router.post('/leads/csv', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = await resolveActor(deps, req);
      const batch = await importLeadsCsv(deps, actor, req);
      res.status(201).json({
        id: batch.id, accepted: batch.accepted, rejected: batch.rejected,
        results: batch.results.map((r) => ({ index: r.index, leadId: r.lead?.id ?? null, issues: r.issues })),
      });
    } catch (err) {
      if (!sendDomainError(res, err)) next(err);
    }
  });
  return router;
}
