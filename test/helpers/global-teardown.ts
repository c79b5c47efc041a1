// Drops this run's template database.
import postgres from 'postgres';
import { PG_ADMIN_URL } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.LEADEX_TEST_TEMPLATE;
  if (!template) return;
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
