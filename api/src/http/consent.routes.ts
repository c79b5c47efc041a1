// POST /consent/certificates: the capture script on a seller's form asks for a signed consent certificate.
// Cross-origin by design: CORS answers only an origin a seller registered (consent_origins).
import express, { Router, type Request, type Response } from 'express';
import type { AppDeps } from '@leadex/core';
import { originRegistered } from '@leadex/core/domain/consent/consent-origins';
import { issueCertificate } from '@leadex/core/domain/consent/issue-certificate';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { sendDomainError } from './send-error';

export const CONSENT_CERTIFICATES_PATH = '/consent/certificates';
// a certificate request is a few hundred bytes of facts and one consent text
const BODY_LIMIT = '16kb';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

function allowOrigin(res: Response, origin: string) {
  res.setHeader('access-control-allow-origin', origin);
  res.append('vary', 'Origin');
}

function sellerOf(body: unknown): string | null {
  const seller = (body as { seller?: unknown } | null)?.seller;
  return typeof seller === 'string' ? seller : null;
}

/** `?seller=` (the capture script sends it): a preflight has no body, so the query names the seller. */
function querySeller(req: Request): string | null {
  const seller = req.query.seller;
  return typeof seller === 'string' && seller ? seller : null;
}

export function consentRoutes(deps: AppDeps): Router {
  const router = Router();
  // the preflight carries no body: the seller comes from `?seller=` (the capture script's URL), and only that
  // seller's registration lets the origin through; without it (a hand-written form), any seller's registration
  router.options(CONSENT_CERTIFICATES_PATH, async (req: Request, res: Response) => {
    const origin = req.get('origin');
    res.append('vary', 'Origin');
    if (!origin || !(await originRegistered(deps, querySeller(req), origin))) {
      res.status(403).end();
      return;
    }
    allowOrigin(res, origin);
    res.setHeader('access-control-allow-methods', 'POST');
    res.setHeader('access-control-allow-headers', 'content-type');
    res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.status(204).end();
  });
  // text/plain too: navigator.sendBeacon and a "simple" fetch send JSON under that type, with no preflight
  router.post(CONSENT_CERTIFICATES_PATH, express.json({ limit: BODY_LIMIT, type: ['application/json', 'text/plain'] }), async (req: Request, res: Response) => {
    const origin = req.get('origin');
    try {
      // the answer is readable by the page only when its origin belongs to the seller it asks for
      const seller = sellerOf(req.body);
      const named = querySeller(req);
      // the URL and the body naming two sellers is not the script's request: refused like an unknown origin
      if (named && seller && named !== seller) throw new DomainError('CONSENT_ORIGIN_NOT_ALLOWED', 'The request names two different sellers');
      if (origin && seller && (await originRegistered(deps, seller, origin))) allowOrigin(res, origin);
      const cert = await issueCertificate(deps, req.body, { origin, userAgent: req.get('user-agent'), ip: req.ip ?? 'unknown' });
      res.status(201).json({ certificateId: cert.id, expiresAt: cert.expiresAt.toISOString() });
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  });
  return router;
}
