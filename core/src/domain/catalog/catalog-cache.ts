// The catalog (segments, geo areas, the price grid, factors and volume tiers) is read by every ping, lead and
// order but changes only when an operator edits it. Each database handle keeps the catalog in memory with the
// version it was read at; a trigger on every catalog table bumps `catalog_version` inside the writing
// transaction, so one tiny read of the version per call replaces six queries and a reader never keeps data
// older than a committed edit — in any process, whoever wrote the row (operator page, seed, SQL console).
// Reads inside a transaction bypass the cache: they see exactly what the transaction sees.
import { queryRows, sql, type Db } from '@leadex/db';
import { isTransaction, lazy, rowsOf } from '../shared/one-round-trip';

type Loader<T> = (db: Db) => Promise<T>;

interface CacheEntry {
  version: string;
  values: Map<Loader<unknown>, Promise<unknown>>;
}

const entries = new WeakMap<Db, CacheEntry>();

const versionReads = new WeakMap<Db, Promise<string>>();

/** Loaders called in the same synchronous turn (a Promise.all of them) share one read of the version. */
function currentVersion(db: Db): Promise<string> {
  let read = versionReads.get(db);
  if (!read) {
    read = queryRows<{ version: string }>(db, sql`SELECT version::text AS version FROM catalog_version`).then(([row]) => row?.version ?? '0');
    versionReads.set(db, read);
    queueMicrotask(() => versionReads.delete(db));
  }
  return read;
}

/**
 * `load(db)`, memoised per handle until the catalog's version moves. Values are deep-frozen: a caller that
 * changed one would change every later caller's copy.
 */
export async function cachedCatalogRead<T>(db: Db, load: Loader<T>): Promise<T> {
  if (isTransaction(db)) return load(db);
  return cachedCatalogReadAt(db, db, await currentVersion(db), load);
}

/** The entry's value of `load`, read through `db` the first time. */
function memoised<T>(entry: CacheEntry, load: Loader<T>, db: Db): Promise<T> {
  let value = entry.values.get(load) as Promise<T> | undefined;
  if (!value) {
    value = load(db).then(deepFreeze);
    entry.values.set(load, value);
    // a failed read is not remembered: the next call tries again
    value.catch(() => entry.values.delete(load));
  }
  return value;
}

/**
 * The catalog's version as the transaction `tx` reads it, lazy: a transaction sends it with its first statements
 * (inOneRoundTrip) instead of a round trip of its own on the pool, then asks cachedCatalogReadAt.
 */
export function catalogVersionIn(tx: Db): PromiseLike<string> {
  return lazy(tx.execute(sql`SELECT version::text AS version FROM catalog_version`), (result) => rowsOf<{ version: string }>(result)[0]?.version ?? '0');
}

/**
 * `load`'s value at a catalog `version` the caller read itself in a statement it sends anyway (lead submission with
 * the seller's row; a purchase's transaction, catalogVersionIn), from the root handle's cache: one round trip fewer.
 * A newer version than the cache's starts a new entry; an older one (a transaction that began before an edit) is
 * read, not cached. A miss is read through `via` — a transaction reads through itself, never through the pool,
 * which may have no connection to spare while this one is held.
 */
export function cachedCatalogReadAt<T>(root: Db, via: Db, version: string, load: Loader<T>): Promise<T> {
  let entry = entries.get(root);
  if (!entry || BigInt(entry.version) < BigInt(version)) {
    entry = { version, values: new Map() };
    entries.set(root, entry);
  }
  if (entry.version !== version) return load(via);
  // a read shared with another transaction fails with that transaction (its connection lost): read through this one
  return memoised(entry, load, via).catch(() => load(via));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}
