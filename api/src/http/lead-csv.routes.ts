// REST twin of importLeadsCsv (POST a text/csv body) and the downloadable template.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { finished, Readable } from 'node:stream';
import type { AppDeps } from '@leadex/core';
import { importLeadsCsv } from '@leadex/core/domain/leads/import-leads-csv';
import { csvTemplate, MAX_CSV_BYTES, uploadTooLarge } from '@leadex/core/domain/leads/lead-csv';
import { resolveActor } from './resolve-actor';
import { sendDomainError } from './send-error';

/** The request body as a stream the CSV reader may destroy without taking the socket with it, so a 413 can
 *  still be answered: an iterator that leaves the request alive when it stops early. A request error or a
 *  premature close surfaces as the stream's error (no pipe, so nothing is left unhandled). */
function openBody(req: Request): Readable {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_CSV_BYTES) throw uploadTooLarge();
  return Readable.from(req.iterator({ destroyOnReturn: false }), { objectMode: false });
}

const DRAIN_TIMEOUT_MS = 15_000;

/** Reads off what is left of a refused body before answering, as body-parser does, so the client (still
 *  sending) receives the answer instead of a reset connection. A body that keeps coming is cut off. */
function drained(req: Request): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => req.destroy(), DRAIN_TIMEOUT_MS);
    finished(req, () => {
      clearTimeout(timer);
      resolve();
    });
    req.unpipe();
    req.resume();
  });
}

export function leadCsvRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/leads/csv-template', (_req, res) => {
    // made at download time: its example row is fresh and its own, so the file imports as it is
    res.setHeader('cache-control', 'no-store');
    res
      .type('text/csv')
      .attachment('leadex-leads-template.csv')
      .send(csvTemplate(deps.clock(), randomBytes(3).toString('hex')));
  });
  router.post('/leads/csv', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = await resolveActor(deps, req);
      const batch = await importLeadsCsv(deps, actor, () => openBody(req));
      res.status(201).json({
        id: batch.id,
        accepted: batch.accepted,
        rejected: batch.rejected,
        results: batch.results.map((r) => ({ index: r.index, leadId: r.lead?.id ?? null, issues: r.issues })),
      });
    } catch (err) {
      await drained(req);
      if (!sendDomainError(res, err)) next(err);
    }
  });
  return router;
}
