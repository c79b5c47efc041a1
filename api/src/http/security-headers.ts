// Security headers (helmet) for the API and the web app it serves from web/dist. The built React app loads
// only its own hashed scripts and stylesheet and talks only to /graphql, so everything is 'self'; the Stripe
// hosted checkout (or the stand-in's page) is a top-level navigation, which CSP does not restrict.
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard';

type Directives = Record<string, string[]>;

const APP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

// bull-board's page (operators only) has an inline <style> and loads IBM Plex from Google Fonts
const DASHBOARD_DIRECTIVES: Directives = {
  ...APP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
  'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
};

function headers(directives: Directives | null, production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: directives
      ? { useDefaults: false, directives: { ...directives, ...(production ? { 'upgrade-insecure-requests': [] } : {}) } }
      : false,
    // HSTS only where TLS is certain: in development it would pin localhost to https for a year
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    // the same as frame-ancestors 'none', for browsers that predate CSP level 2
    xFrameOptions: { action: 'deny' },
  });
}

export function securityHeaders(production: boolean): RequestHandler {
  const app = headers(APP_DIRECTIVES, production);
  const dashboard = headers(DASHBOARD_DIRECTIVES, production);
  // Apollo's development landing page (the schema browser) runs inline and CDN scripts; production has none
  const graphqlDevelopment = headers(null, production);
  return (req, res, next) => {
    if (req.path.startsWith(QUEUE_DASHBOARD_PATH)) return dashboard(req, res, next);
    if (!production && req.path === '/graphql') return graphqlDevelopment(req, res, next);
    return app(req, res, next);
  };
}
