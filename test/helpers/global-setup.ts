// Once per test run: migrate a template database of this run's own; every test file then clones it
// (CREATE DATABASE … TEMPLATE). A name per run keeps two runs on one machine out of each other's way.
import { createDb, migrateDb, seedReferenceData } from '@leadex/db';
import postgres from 'postgres';
import { PG_ADMIN_URL, databaseUrl } from './test-env';

export default async function globalSetup(): Promise<void> {
  const template = `leadex_template_${process.pid}`;
  process.env.LEADEX_TEST_TEMPLATE = template; // test workers inherit it
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    // templates left by runs that were killed before their teardown
    const stale = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE 'leadex_template_%' AND datname <> ${template}`;
    for (const { datname } of stale) {
      const pid = Number(datname.split('_').pop());
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
      if (!alive) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const handle = await createDb({ databaseUrl: databaseUrl(template), maxConnections: 1 });
  try {
    await migrateDb(handle);
    await seedReferenceData(handle.db, 'USD');
  } finally {
    await handle.close();
  }
}
