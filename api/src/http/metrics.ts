// Prometheus metrics: process defaults plus request counts and latencies by route. In production only
// operators (session cookie or bearer token) may read them: routes, volumes and error rates are reconnaissance.
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppDeps } from '@leadex/core';
import { resolveActor } from './resolve-actor';

// label values are bounded: a label per raw path would let anyone grow the registry without limit
const KNOWN_ROUTES = ['/graphql', '/healthz', '/readyz', '/metrics', '/webhooks/stripe', '/leads/csv', '/leads/csv-template', '/purchases/csv'];
export function routeLabel(path: string): string {
  if (KNOWN_ROUTES.includes(path)) return path;
  if (path.startsWith('/admin/queues')) return '/admin/queues';
  if (path.startsWith('/assets/')) return '/assets';
  return 'other';
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'leadex_http_requests_total', help: 'HTTP requests', labelNames: ['route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'leadex_http_request_seconds',
    help: 'HTTP request latency',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const route = routeLabel(req.path);
    const end = latency.startTimer({ route });
    res.on('finish', () => {
      end();
      requests.inc({ route, status: String(res.statusCode) });
    });
    next();
  };
  const handler = async (_req: Request, res: Response) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
  return { registry, middleware, handler };
}

/** Lets operators through in production and everyone in development and tests. */
export function metricsAccess(deps: AppDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (deps.config.NODE_ENV !== 'production') return next();
    const actor = await resolveActor(deps, req).catch(() => null);
    if (actor?.role === 'OPERATOR') return next();
    res.status(actor ? 403 : 401).json({ error: { code: actor ? 'FORBIDDEN' : 'UNAUTHENTICATED', message: 'Metrics are for operators; sign in as one' } });
  };
}
