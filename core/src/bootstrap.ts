// Builds the app's dependencies from the configuration: database (migrated, reference data seeded),
// Redis, queues, vault, logger. The API server, the workers and the tests all start here.
import { createDb, migrateDb, seedReferenceData, type DbHandle } from '@leadex/db';
import { Redis } from 'ioredis';
import { resolve } from 'node:path';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';
import type { AppDeps } from './domain/app-deps';
import { createRateLimits } from './domain/auth/rate-limits';
import { createContactVault } from './domain/leads/contact-vault';
import { createMailer } from './mail/mailer';
import { createLeadSubmissionLimit } from './domain/leads/submission-rate-limit';
import { logDestination } from './logging/log-destination';
import { safeErrorSerializer } from './logging/safe-error';
import { createJobQueues } from './queues/job-queues';
import { createStripeClient } from './stripe/stripe-client';

export interface Runtime {
  deps: AppDeps;
  queuePrefix: string;
  dbHandle: DbHandle;
  redis: Redis;
  close(): Promise<void>;
}

/** JSON lines, or pretty-printed with LOG_FORMAT=pretty; `destination` defaults to stdout (tests pass a stream to read what was logged). */
export function createLogger(config: Config, name: string, destination?: DestinationStream): Logger {
  const options = {
    name,
    level: config.LOG_LEVEL,
    // errors are logged through one serializer that drops query parameters and contact-shaped text
    serializers: { err: safeErrorSerializer, error: safeErrorSerializer },
    // contact data never reaches the logs: credentials and anything contact-shaped are redacted
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.phone',
        '*.email',
        '*.fullName',
        '*.password',
        '*.passwordHash',
        '*.parameters',
        '*.params',
        'variables',
      ],
      censor: '[redacted]',
    },
  };
  const stream = logDestination(config.LOG_FORMAT, destination);
  return stream ? pino(options, stream) : pino(options);
}

export async function createRuntime(
  config: Config,
  options: { name?: string; logger?: Logger; queuePrefix?: string; migrate?: boolean; dbPoolSize?: number } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config, options.name ?? 'leadex');
  const dbHandle = await createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : resolve(config.DATA_DIR, 'pglite'),
    maxConnections: options.dbPoolSize,
    prepareStatements: config.DATABASE_PREPARE,
  });
  if (options.migrate !== false) {
    await migrateDb(dbHandle);
    await seedReferenceData(dbHandle.db, config.PLATFORM_CURRENCY);
  }
  const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const queuePrefix = options.queuePrefix ?? config.QUEUE_PREFIX;
  const jobs = createJobQueues(config.REDIS_URL, logger, queuePrefix, config.DELIVERY_RETRY_BASE_MS);
  const deps: AppDeps = {
    db: dbHandle.db,
    config,
    vault: createContactVault(config.CONTACT_ENCRYPTION_KEYS, config.CONTACT_HASH_KEY, config.CONTACT_ACTIVE_KEY_ID),
    clock: () => new Date(),
    logger,
    jobs,
    rateLimits: createRateLimits(redis, `${queuePrefix}-rl`, { consentCertificatesPerMinute: config.CONSENT_CERTIFICATES_PER_MINUTE }),
    leadSubmissions: createLeadSubmissionLimit(redis, { perMinute: config.LEAD_SUBMISSIONS_PER_MINUTE, prefix: `${queuePrefix}-rl`, logger }),
    stripe: createStripeClient(config),
    mailer: createMailer(config),
  };
  return {
    deps,
    queuePrefix,
    dbHandle,
    redis,
    async close() {
      await jobs.close();
      deps.mailer.close();
      redis.disconnect();
      await dbHandle.close();
    },
  };
}
