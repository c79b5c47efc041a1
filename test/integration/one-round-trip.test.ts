// The purchase path's correctness rests on two helpers (issue 17): statements sent together in one round trip run in
// the order given, each seeing what the ones before it locked or wrote; and a statement built once runs with each
// call's own values and answers rows as drizzle would.
import { createDb, eq, queryRows, schema, sql, type Db, type DbHandle } from '@leadex/db';
import { builtOnce, slot } from '@leadex/core/domain/shared/built-once';
import { inOneRoundTrip, lazy, rowsOf, together } from '@leadex/core/domain/shared/one-round-trip';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase('roundtrip');
  handle = await createDb({ databaseUrl: database.url, maxConnections: 2 });
  db = handle.db;
  await db.execute(sql`CREATE TABLE trip_rows (n int NOT NULL UNIQUE)`);
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

const count = (tx: Db) => lazy(tx.execute(sql`SELECT count(*)::int AS n FROM trip_rows`), (r) => rowsOf<{ n: number }>(r)[0]!.n);
const insert = (tx: Db, n: number) => tx.execute(sql`INSERT INTO trip_rows (n) VALUES (${n})`);

describe('inOneRoundTrip', () => {
  afterEach(() => db.execute(sql`DELETE FROM trip_rows`));

  it('runs the statements in the order given, each seeing the writes before it', async () => {
    const counts = await db.transaction(async (tx) => {
      const [, first, , second, [third]] = await inOneRoundTrip(tx, insert(tx, 1), count(tx), insert(tx, 2), count(tx), together(count(tx)));
      return [first, second, third];
    });
    expect(counts).toEqual([1, 2, 2]);
  });

  it('runs a statement after the lock before it is held', async () => {
    const held = await db.transaction(async (tx) => {
      const [, locks] = await inOneRoundTrip(
        tx,
        tx.execute(sql`SELECT pg_advisory_xact_lock(4242)`),
        lazy(
          tx.execute(sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND pid = pg_backend_pid()`),
          (r) => rowsOf<{ n: number }>(r)[0]!.n,
        ),
      );
      return locks;
    });
    expect(held).toBe(1);
  });

  it('fails with the first failing statement, and the transaction leaves nothing', async () => {
    const failed = db.transaction((tx) => inOneRoundTrip(tx, insert(tx, 1), insert(tx, 1), insert(tx, 2)));
    await expect(failed).rejects.toMatchObject({ cause: { code: '23505' } });
    expect((await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trip_rows`))[0]!.n).toBe(0);
  });

  it('refuses the pool handle, where the statements would not share a connection', () => {
    expect(() => inOneRoundTrip(db, count(db))).toThrow(/inside a transaction/);
  });
});

describe('builtOnce', () => {
  const { segments } = schema;
  const SEGMENT = { code: segments.code, name: segments.name, commissionBps: segments.commissionBps, attributeSchema: segments.attributeSchema };
  const segmentByCode = builtOnce(
    (d) =>
      d
        .select(SEGMENT)
        .from(segments)
        .where(eq(segments.code, slot('code'))),
    SEGMENT,
  );

  it('answers each call with its own values, rows mapped as drizzle maps them', async () => {
    const all = await db.select(SEGMENT).from(segments).orderBy(segments.code);
    expect(all.length).toBeGreaterThan(1);
    for (const expected of all.slice(0, 2)) {
      const rows = await db.transaction((tx) => inOneRoundTrip(tx, segmentByCode(tx, [], { code: expected.code })));
      expect(rows[0]).toEqual([expected]);
    }
  });
});
