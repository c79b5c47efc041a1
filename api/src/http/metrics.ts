// Prometheus metrics: process defaults plus request counts and latencies by route.
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'leadex_http_requests_total', help: 'HTTP requests', labelNames: ['route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'leadex_http_request_seconds', help: 'HTTP request latency', labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const end = latency.startTimer({ route: req.path });
    res.on('finish', () => {
      end();
      requests.inc({ route: req.path, status: String(res.statusCode) });
    });
    next();
  };
  const handler = async (_req: Request, res: Response) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
  return { registry, middleware, handler };
}
