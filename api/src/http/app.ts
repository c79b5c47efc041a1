// The API's express app: GraphQL at /graphql, health, metrics, CSV import and (later) webhooks.
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { GraphQLError } from 'graphql';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pinoHttp } from 'pino-http';
import { safeErrorSerializer } from '@leadex/core/logging/safe-error';
import type { Runtime } from '@leadex/core/bootstrap';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { createApolloServer } from '../graphql/apollo';
import { buildContext } from '../graphql/context';
import { clientErrorAnswer, INTERNAL_ERROR } from './client-error';
import { consentScriptRoutes } from './consent-script.routes';
import { consentRoutes } from './consent.routes';
import { demoFormRoutes } from './demo-form.routes';
import { healthRoutes } from './health.routes';
import { leadCsvRoutes } from './lead-csv.routes';
import { createMetrics, metricsAccess } from './metrics';
import { purchaseCsvRoutes } from './purchase-csv.routes';
import { auditCsvRoutes } from './audit-csv.routes';
import { queueDashboard } from './queue-dashboard';
import { requestIdFrom } from './request-id';
import { resolveActor } from './resolve-actor';
import { securityHeaders } from './security-headers';
import { stripeWebhookRoutes } from './stripe-webhook.routes';

// JSON GraphQL requests; uploads travel as multipart and have their own 20 MB limit (graphql-upload)
const GRAPHQL_BODY_LIMIT = '20mb';
const MULTIPART_DRAIN_MS = 5_000;

/**
 * graphql-upload for multipart requests. Its own refusals are http-errors (400/413); what busboy throws for a
 * body that is not multipart at all (no boundary, cut off before the end, a malformed part header) is a plain
 * Error, which would otherwise read as our failure: it is the client's malformed request, a 400.
 */
function multipartUploads() {
  const uploads = graphqlUploadExpress({ maxFileSize: 20 * 1024 * 1024, maxFiles: 1 });
  return (req: Request, res: Response, next: NextFunction) =>
    uploads(req, res, (err?: unknown) => {
      if (!err || typeof (err as { status?: unknown }).status === 'number') return next(err);
      const reason = err instanceof Error ? err.message : 'unreadable body';
      next(Object.assign(new Error(`The multipart request is malformed (${reason}); see the GraphQL multipart request spec`), { status: 400, expose: true }));
    });
}

export async function createHttpApp(runtime: Runtime) {
  const { deps } = runtime;
  const production = deps.config.NODE_ENV === 'production';
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createMetrics();
  app.use(
    pinoHttp({
      logger: deps.logger,
      // pino-http installs its own `err` serializer on its child logger: keep ours (no query parameters)
      serializers: { err: safeErrorSerializer },
      genReqId: (req, res) => {
        const id = requestIdFrom(req.headers['x-request-id']);
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(metrics.middleware);
  // gzip or brotli (whichever the client prefers) for answers over 1 kB: GraphQL JSON, the web app's assets, CSVs
  app.use(compression({ threshold: 1024 }));
  app.use(securityHeaders(production));
  app.use(cookieParser());
  app.use(healthRoutes(deps, runtime.redis));
  app.get('/metrics', metricsAccess(deps), metrics.handler);
  app.use(leadCsvRoutes(deps));
  app.use(stripeWebhookRoutes(deps));
  app.use(purchaseCsvRoutes(deps));
  app.use(auditCsvRoutes(deps));
  app.use(consentRoutes(deps));
  app.use(consentScriptRoutes(), demoFormRoutes(deps));
  const dashboard = queueDashboard(deps, runtime.redis, runtime.queuePrefix);
  app.use(dashboard.router);

  const apollo = createApolloServer(deps.logger, production);
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    multipartUploads(),
    // a body of another content type is left unparsed; Apollo then answers 400 (no query) instead of the
    // express integration's 500 for a missing `req.body`
    (req: Request, _res: Response, next: NextFunction) => {
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          return buildContext(deps, await resolveActor(deps, req, { enrolmentOnly: 'allow' }), req, res, String(req.id));
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
    app.get(/^\/(?!graphql|webhooks|healthz|readyz|metrics|leads\/csv|purchases\/csv|audit\.csv|admin\/queues|consent\/certificates).*/, (_req, res) =>
      res.setHeader('cache-control', 'no-cache').sendFile(`${webDist}/index.html`),
    );
  }
  // body-parser and graphql-upload errors are the client's (4xx with a code); the rest is ours, logged, no internals
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    // a body left unread is not read on: the connection closes after the answer. graphql-upload holds its answer
    // until the request has ended, so a multipart body its parser gave up on is drained, for a few seconds at most
    if (!req.readableEnded) {
      res.setHeader('connection', 'close');
      if (req.is('multipart/form-data')) {
        const cutOff = setTimeout(() => req.socket.destroy(), MULTIPART_DRAIN_MS).unref();
        req.once('end', () => clearTimeout(cutOff)).resume();
      }
    }
    const answer = clientErrorAnswer(err);
    if (!answer) deps.logger.error({ err, requestId: req.id }, 'unhandled error');
    const { status, code, message } = answer ?? INTERNAL_ERROR;
    // GraphQL clients read `errors`; the plain HTTP routes answer like send-error.ts
    const body = req.originalUrl.startsWith('/graphql') ? { errors: [{ message, extensions: { code } }] } : { error: { code, message } };
    res.status(status).json(body);
  });
  return { app, apollo, close: dashboard.close };
}
