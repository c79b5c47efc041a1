// GET /consent.js: the consent capture script sellers embed on their own forms (see consent-script.ts).
import { Router } from 'express';
import { CONSENT_SCRIPT } from './consent-script';

export const CONSENT_SCRIPT_PATH = '/consent.js';
// short, so a fix reaches every form within minutes; the ETag makes a revalidation cheap
const CACHE_MAX_AGE_SECONDS = 300;

export function consentScriptRoutes(): Router {
  const router = Router();
  router.get(CONSENT_SCRIPT_PATH, (_req, res) => {
    res.setHeader('content-type', 'application/javascript; charset=utf-8');
    res.setHeader('cache-control', `public, max-age=${CACHE_MAX_AGE_SECONDS}`);
    // helmet's same-origin default would keep other sites' pages from loading it
    res.setHeader('cross-origin-resource-policy', 'cross-origin');
    res.send(CONSENT_SCRIPT);
  });
  return router;
}
