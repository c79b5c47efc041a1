// Once per test run: migrate a template database; every test file then clones it (CREATE DATABASE … TEMPLATE).
import { createDb, migrateDb, seedReferenceData } from '@leadex/db';
import postgres from 'postgres';
import { PG_ADMIN_URL, TEMPLATE_DB, databaseUrl } from './test-env';

export default async function globalSetup(): Promise<void> {
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const handle = await createDb({ databaseUrl: databaseUrl(TEMPLATE_DB), maxConnections: 1 });
  try {
    await migrateDb(handle);
    await seedReferenceData(handle.db, 'USD');
  } finally {
    await handle.close();
  }
}
