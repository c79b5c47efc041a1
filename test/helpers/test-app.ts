// The whole API on a random port, against a fresh database and a private Redis key prefix.
import { createHttpApp } from '@leadex/api';
import { createRuntime, loadConfig, type Runtime } from '@leadex/core';
import { startWorkers } from '@leadex/workers';
import { startStripeStandin, type RunningStripeStandin } from '@leadex/stripe-standin';
import { GraphQLClient } from 'graphql-request';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from './test-database';
import { REDIS_URL } from './test-env';

export interface TestApp {
  url: string;
  /** the local Stripe stand-in, when started with `stripe: true`; webhooks go to this app */
  stripe: RunningStripeStandin | null;
  graphqlUrl: string;
  runtime: Runtime;
  database: TestDatabase;
  prefix: string;
  /** a GraphQL client, optionally with `Authorization: Bearer …` or `ApiKey …` */
  client(auth?: { token?: string; apiKey?: string }): GraphQLClient;
  close(): Promise<void>;
}

export async function startTestApp(options: {
  label: string;
  workers?: boolean;
  stripe?: boolean;
  env?: Record<string, string>;
  dbPoolSize?: number;
}): Promise<TestApp> {
  const database = await createTestDatabase(options.label);
  const prefix = `t-${options.label}-${randomBytes(4).toString('hex')}`;
  const webhookSecret = 'whsec_test_standin';
  const stripe = options.stripe ? await startStripeStandin({ port: 0, webhookSecret, webhookRetryDelaysMs: [50, 100, 200] }) : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL,
    LOG_LEVEL: 'silent',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_SECRET_KEY: 'sk_test_leadex',
    ...(stripe ? { STRIPE_API_URL: stripe.url } : {}),
    ...options.env,
  });
  const runtime = await createRuntime(config, {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    queuePrefix: prefix,
    migrate: false,
    dbPoolSize: options.dbPoolSize,
  });
  const { app, apollo, close: closeHttp } = await createHttpApp(runtime);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const host = options.workers ? await startWorkers(runtime, { prefix, schedules: false }) : null;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stripe?.setWebhookUrl(`${url}/webhooks/stripe`);
  // Stripe Checkout and Connect onboarding send the browser back to WEB_ORIGIN: the app itself serves web/dist
  if (!options.env?.WEB_ORIGIN) runtime.deps.config.WEB_ORIGIN = url;
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
