// The API's express app: GraphQL at /graphql, health, metrics, CSV import and (later) webhooks.
import { expressMiddleware } from '@as-integrations/express5';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pinoHttp } from 'pino-http';
import type { Runtime } from '../bootstrap';
import { DomainError } from '../domain/shared/domain-error';
import { createApolloServer } from '../graphql/apollo';
import { buildContext } from '../graphql/context';
import { healthRoutes } from './health.routes';
import { leadCsvRoutes } from './lead-csv.routes';
import { createMetrics } from './metrics';
import { purchaseCsvRoutes } from './purchase-csv.routes';
import { queueDashboard } from './queue-dashboard';
import { resolveActor } from './resolve-actor';
import { stripeWebhookRoutes } from './stripe-webhook.routes';

export async function createHttpApp(runtime: Runtime) {
  const { deps } = runtime;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createMetrics();
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(metrics.middleware);
  app.use(cookieParser());
  app.use(healthRoutes(deps, runtime.redis));
  app.get('/metrics', metrics.handler);
  app.use(leadCsvRoutes(deps));
  app.use(stripeWebhookRoutes(deps));
  app.use(purchaseCsvRoutes(deps));
  const dashboard = queueDashboard(deps, runtime.redis, runtime.queuePrefix);
  app.use(dashboard.router);

  const apollo = createApolloServer(deps.logger, deps.config.NODE_ENV === 'production');
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '20mb' }),
    graphqlUploadExpress({ maxFileSize: 20 * 1024 * 1024, maxFiles: 1 }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          return buildContext(deps, await resolveActor(deps, req), req, res, String(req.id));
        } catch (err) {
          if (err instanceof DomainError) {
            throw new GraphQLError(err.message, { extensions: { code: err.category, reason: err.code, http: { status: 401 } } });
          }
          throw err;
        }
      },
    }),
  );
  // the built web app (web/dist), when present, is served from the same origin as the API
  const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));
  if (existsSync(webDist)) {
    // hashed assets never change; index.html must always be fresh so a deploy is picked up at once
    app.use('/assets', express.static(`${webDist}/assets`, { immutable: true, maxAge: '365d' }));
    app.use(express.static(webDist, { index: false, maxAge: 0 }));
    app.get(/^\/(?!graphql|webhooks|healthz|readyz|metrics|leads\/csv|purchases\/csv|admin\/queues).*/, (_req, res) =>
      res.setHeader('cache-control', 'no-cache').sendFile(`${webDist}/index.html`));
  }
  app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
    deps.logger.error({ err, requestId: req.id }, 'unhandled error');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; it has been logged.' } });
  });
  return { app, apollo, close: dashboard.close };
}
