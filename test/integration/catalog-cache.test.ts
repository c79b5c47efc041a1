// The catalog cache (core/src/domain/catalog/catalog-cache.ts): repeated reads are served from memory, and a
// write from anywhere — another connection, plain SQL — is seen by the next read, never an older copy.
import postgres from 'postgres';
import { loadGeoAreas, loadPricing, loadSegments } from '@leadex/core/domain/catalog/catalog.service';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let outside: postgres.Sql;

beforeAll(async () => {
  app = await startTestApp({ label: 'catalogcache' });
  outside = postgres(app.database.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await outside.end();
  await app.close();
});

it('serves an unchanged catalog from memory, frozen', async () => {
  const db = app.runtime.deps.db;
  const [first, second] = [await loadPricing(db), await loadPricing(db)];
  expect(second).toBe(first);
  expect(Object.isFrozen(first.grid)).toBe(true);
  expect(() => (first.grid as unknown[]).push({})).toThrow(TypeError);
  expect(await loadSegments(db)).toBe(await loadSegments(db));
});

it('sees a write made over another connection at the next read', async () => {
  const db = app.runtime.deps.db;
  const before = await loadPricing(db);
  const tier = before.volumeTiers[0]!;
  await outside`UPDATE volume_discounts SET discount_bps = discount_bps + 1 WHERE min_quantity = ${tier.minQuantity}`;
  const after = await loadPricing(db);
  expect(after).not.toBe(before);
  expect(after.volumeTiers[0]!.discountBps).toBe(tier.discountBps + 1);

  const segments = await loadSegments(db);
  await outside`UPDATE segments SET name = name || ' (renamed)' WHERE code = ${segments[0]!.code}`;
  expect((await loadSegments(db))[0]!.name).toBe(`${segments[0]!.name} (renamed)`);

  const areas = await loadGeoAreas(db);
  await outside`DELETE FROM geo_areas WHERE ctid IN (SELECT ctid FROM geo_areas LIMIT 1)`;
  expect((await loadGeoAreas(db)).length).toBe(areas.length - 1);
});

it('does not let an uncommitted or rolled-back write into the cache', async () => {
  const db = app.runtime.deps.db;
  const before = await loadPricing(db);
  await outside
    .begin(async (tx) => {
      await tx`UPDATE volume_discounts SET discount_bps = discount_bps + 100`;
      // read while the writer holds its transaction open: the committed catalog
      expect((await loadPricing(db)).volumeTiers).toEqual(before.volumeTiers);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  expect((await loadPricing(db)).volumeTiers).toEqual(before.volumeTiers);
});

it('reads inside a transaction what the transaction sees', async () => {
  const db = app.runtime.deps.db;
  const outsideView = await loadSegments(db);
  await db
    .transaction(async (tx) => {
      await tx.execute(`UPDATE segments SET name = 'inside only' WHERE code = '${outsideView[0]!.code}'`);
      expect((await loadSegments(tx))[0]!.name).toBe('inside only');
      throw new Error('roll back');
    })
    .catch(() => undefined);
  expect((await loadSegments(db))[0]!.name).toBe(outsideView[0]!.name);
});
