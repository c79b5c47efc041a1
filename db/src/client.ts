// Database client factory: real Postgres through postgres-js when a URL is given, embedded PGlite otherwise.
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { mkdirSync } from 'node:fs';
import { preparingStatements } from './prepared-statements';
import type * as schema from './schema/index';

export type Schema = typeof schema;
/**
 * A database handle or an open transaction: domain functions take either. Without drizzle's relational query API
 * (`db.query.<table>`): given the schema, drizzle builds a query builder per table for every transaction it opens
 * (about 30 µs of the API's CPU each, issue 17), and the product writes its queries with select/insert/update.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string;
  /** PGlite data directory when no URL is given; memory when undefined. */
  dataDir?: string;
  maxConnections?: number;
  /** prepare statements once per connection (default); off for poolers that cannot keep them */
  prepareStatements?: boolean;
}

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzle(options.prepareStatements === false ? client : preparingStatements(client)) as unknown as Db;
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  await client.waitReady;
  const db = drizzle(client) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

/** Rows of a raw SQL query, whichever driver runs it (postgres-js returns an array, PGlite `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { sql };
