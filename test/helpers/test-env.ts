// Where the tests find the machine's PostgreSQL and Redis (overridable for other machines).
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** this run's migrated template (set by global-setup) */
export const TEMPLATE_DB = process.env.LEADEX_TEST_TEMPLATE ?? 'leadex_template';

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
