// A private database and queue namespace for one bench run: created and migrated at the start,
// dropped at the end (also on Ctrl-C), like the tests' per-file databases.
//
// bench/ has no package.json of its own, so only what is linked at the repository root resolves
// here (@leadex/core, @leadex/api); the db package is reached by path, and postgres-js through its drizzle handle.
import { createRuntime, type Runtime } from '@leadex/core/bootstrap';
import { loadConfig } from '@leadex/core/config';
import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle } from '../../db/src/index';

export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The part of postgres-js the benches use (the package's own types are not reachable from bench/).
 * drizzle makes the client pass timestamps through unserialized, so send them as ISO text, not Dates.
 */
export interface RawSql {
  unsafe<T extends object = Record<string, unknown>>(query: string, params?: unknown[], options?: { prepare?: boolean }): Promise<T[]>;
  begin<T>(fn: (tx: RawSql) => Promise<T>): Promise<T>;
}

/** The postgres-js client under a drizzle handle: raw SQL with the same driver and wire protocol. */
export function rawSql(handle: DbHandle): RawSql {
  return (handle.db as unknown as { $client: RawSql }).$client;
}

export interface BenchRuntime {
  runtime: Runtime;
  /** a separate one-connection postgres-js client on the same database, for the raw SQL baselines */
  raw: RawSql;
  databaseName: string;
  queuePrefix: string;
  cleanup(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const handle = await createDb({ databaseUrl: PG_ADMIN_URL, maxConnections: 1 });
  try {
    await rawSql(handle).unsafe(statement);
  } finally {
    await handle.close();
  }
}

async function deleteQueueKeys(runtime: Runtime, prefix: string): Promise<number> {
  // bullmq keys are `${prefix}:${queue}:…`, the rate limiter's `${prefix}-rl…`; the prefix is unique to this run
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await runtime.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) deleted += await runtime.redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

export async function openBenchRuntime(): Promise<BenchRuntime> {
  const suffix = randomBytes(5).toString('hex');
  const databaseName = `bench_${suffix}`;
  const queuePrefix = `bench-${suffix}`;
  await admin(`CREATE DATABASE ${databaseName}`);
  let runtime: Runtime | null = null;
  let rawHandle: DbHandle | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      if (rawHandle) await rawHandle.close().catch(() => {});
      if (runtime) {
        if (runtime.redis.status !== 'ready') await new Promise((r) => setTimeout(r, 200));
        await deleteQueueKeys(runtime, queuePrefix).catch((err: Error) => console.error(`could not delete Redis keys ${queuePrefix}*: ${err.message}`));
        await runtime.close().catch(() => {});
      }
      await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    })());
  const onSignal = () => {
    console.error(`\ninterrupted: dropping ${databaseName}`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // the benches measure throughput, far above one seller's per-minute lead limit (LEAD_SUBMISSIONS_PER_MINUTE)
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(databaseName),
      REDIS_URL,
      LOG_LEVEL: 'warn',
      LEAD_SUBMISSIONS_PER_MINUTE: process.env.LEAD_SUBMISSIONS_PER_MINUTE ?? '100000000',
      // the settlement knobs, to try other chunk sizes from the command line (e.g. SETTLEMENT_CHUNK_TARGET_MS=500)
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('SETTLEMENT_'))),
    });
    runtime = await createRuntime(config, { name: 'bench', queuePrefix, migrate: true });
    rawHandle = await createDb({ databaseUrl: databaseUrl(databaseName), maxConnections: 1 });
    return { runtime, raw: rawSql(rawHandle), databaseName, queuePrefix, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** A raw postgres-js pool of `max` connections on the bench database, for baselines with concurrent clients. */
export async function openRawPool(databaseName: string, max: number): Promise<{ raw: RawSql; close(): Promise<void> }> {
  const handle = await createDb({ databaseUrl: databaseUrl(databaseName), maxConnections: max });
  return { raw: rawSql(handle), close: () => handle.close() };
}

/** Runs a bench body against a fresh runtime, always cleaning up; exits non-zero only on failure. */
export async function runBench(body: (bench: BenchRuntime) => Promise<void>): Promise<void> {
  const bench = await openBenchRuntime();
  let failed = false;
  try {
    await body(bench);
  } catch (err) {
    failed = true;
    console.error(err);
  } finally {
    await bench.cleanup();
  }
  process.exit(failed ? 1 : 0);
}
