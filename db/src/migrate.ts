// Applies the drizzle-kit migration history (the same files for Postgres and PGlite).
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './client';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
}
