// Statements are prepared once per connection (db/src/prepared-statements.ts), inside transactions and savepoints
// too, and not at all with DATABASE_PREPARE=false.
import { createDb, queryRows, schema, sql, type DbHandle } from '@leadex/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
const handles: DbHandle[] = [];
beforeAll(async () => {
  database = await createTestDatabase('prepared');
});
afterAll(async () => {
  for (const h of handles) await h.close();
  await database.drop();
});

async function open(prepareStatements?: boolean) {
  const handle = await createDb({ databaseUrl: database.url, maxConnections: 1, prepareStatements });
  handles.push(handle);
  return handle.db;
}
const prepared = async (db: Awaited<ReturnType<typeof open>>) =>
  (await queryRows<{ statement: string }>(db, sql`SELECT statement FROM pg_prepared_statements WHERE statement NOT LIKE '%pg_catalog%'`)).map(
    (r) => r.statement,
  );

it('prepares what drizzle sends, in transactions and savepoints as well', async () => {
  const db = await open();
  await db.select().from(schema.segments).limit(1);
  expect((await prepared(db)).some((s) => s.includes('from "segments"'))).toBe(true);
  await db.transaction(async (tx) => {
    await tx.select().from(schema.geoAreas).limit(1);
    await tx.transaction(async (inner) => {
      await inner.select().from(schema.priceGrid).limit(1);
    });
  });
  const statements = await prepared(db);
  expect(statements.some((s) => s.includes('from "geo_areas"'))).toBe(true);
  expect(statements.some((s) => s.includes('from "price_grid"'))).toBe(true);
});

it('prepares nothing of ours when turned off', async () => {
  const db = await open(false);
  await db.select().from(schema.segments).limit(1);
  // (postgres-js prepares its own look-up of array types when it connects)
  expect(await prepared(db)).toEqual([]);
});
