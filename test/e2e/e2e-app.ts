// The whole API for browser tests: what helpers/test-app.ts does, but listening on a port chosen before
// start, so WEB_ORIGIN (where Stripe Checkout and Connect onboarding send the browser back) is the app's
// own URL. The API serves the built web app (web/dist) from the same origin.
import { createHttpApp, createRuntime, loadConfig } from '@leadex/api';
import { startStripeStandin } from '@leadex/api/stripe/standin/index';
import { startWorkers } from '@leadex/workers';
import { GraphQLClient } from 'graphql-request';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { TestApp } from '../helpers/test-app';
import { createTestDatabase } from '../helpers/test-database';
import { REDIS_URL } from '../helpers/test-env';

const WEB_DIST_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

/** A port free right now (the OS picks it; it is released before the app takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function listen(app: Awaited<ReturnType<typeof createHttpApp>>['app'], port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

export async function startE2eApp(options: { label: string; workers?: boolean; stripe?: boolean; env?: Record<string, string> }): Promise<TestApp> {
  if (!existsSync(WEB_DIST_INDEX)) throw new Error('web/dist is missing: build the web app first (cd web && pnpm run build)');
  const database = await createTestDatabase(options.label);
  const prefix = `t-${options.label}-${randomBytes(4).toString('hex')}`;
  const webhookSecret = 'whsec_test_standin';
  const stripe = options.stripe ? await startStripeStandin({ port: 0, webhookSecret, webhookRetryDelaysMs: [50, 100, 200] }) : null;
  // the port is known before the config is read: WEB_ORIGIN must be this very app
  let port = await freePort();
  const env = () => ({
    NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL, LOG_LEVEL: 'silent', STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_SECRET_KEY: 'sk_test_leadex',
    ...(stripe ? { STRIPE_API_URL: stripe.url } : {}),
    WEB_ORIGIN: `http://127.0.0.1:${port}`,
    ...options.env,
  });
  const runtime = await createRuntime(loadConfig(env()), { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), queuePrefix: prefix, migrate: false });
  const { app, apollo, close: closeHttp } = await createHttpApp(runtime);
  let server: Server;
  try {
    server = await listen(app, port);
  } catch {
    // someone took the port between the probe and now: take another and fix the origin to match
    port = await freePort();
    runtime.deps.config.WEB_ORIGIN = `http://127.0.0.1:${port}`;
    server = await listen(app, port);
  }
  const host = options.workers ? await startWorkers(runtime, { prefix, schedules: false }) : null;
  const url = `http://127.0.0.1:${port}`;
  stripe?.setWebhookUrl(`${url}/webhooks/stripe`);
  return {
    url,
    stripe,
    graphqlUrl: `${url}/graphql`,
    runtime,
    database,
    prefix,
    client(auth) {
      const headers: Record<string, string> = {};
      if (auth?.token) headers.authorization = `Bearer ${auth.token}`;
      if (auth?.apiKey) headers.authorization = `ApiKey ${auth.apiKey}`;
      return new GraphQLClient(`${url}/graphql`, { headers });
    },
    async close() {
      await host?.close();
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections?.();
      await apollo.stop();
      await closeHttp();
      await stripe?.close();
      await runtime.close();
      await database.drop();
    },
  };
}
