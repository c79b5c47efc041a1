// Several statements of one transaction sent to the database together (issue 17): each round trip costs the API
// a socket write and an event-loop turn, which on a small machine is what limits purchases, not Postgres.
import type { Db } from '@leadex/db';

/**
 * Runs `queries` — drizzle query builders (lazy: nothing is sent until this call) of the open transaction `tx` — in
 * one round trip and answers their results in the same order. The driver writes them to the transaction's one
 * connection in argument order and Postgres runs them one after another, each with its own snapshot (READ
 * COMMITTED), so a statement sees the locks and rows of the ones before it — the same as awaiting them one by one,
 * without the waits. The first statement that fails rejects the whole call (the later ones then fail as the
 * transaction is aborted), so a caller reads errors as before.
 *
 * Only inside a transaction: on the pool's root handle each query would take its own connection, in any order.
 * Pass builders (or `lazy` wrappers), never a promise already started: that one would be sent ahead of the others.
 */
export function inOneRoundTrip<T extends readonly PromiseLike<unknown>[]>(tx: Db, ...queries: T): Promise<Results<T>> {
  if (!isTransaction(tx)) throw new Error('inOneRoundTrip runs inside a transaction only');
  return startInOrder(queries);
}

/** Whether `db` is an open transaction rather than a pool's root handle. */
export function isTransaction(db: Db): boolean {
  // drizzle's transaction handles (PgTransaction) carry rollback(); the root handle does not
  return typeof (db as unknown as { rollback?: unknown }).rollback === 'function';
}

type Results<T extends readonly PromiseLike<unknown>[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

function startInOrder<T extends readonly PromiseLike<unknown>[]>(queries: T): Promise<Results<T>> {
  // .then() on each, here and in order: that is when a drizzle builder hands its statement to the driver
  return Promise.all(queries.map((q) => new Promise((resolve, reject) => q.then(resolve, reject)))) as Promise<Results<T>>;
}

/** Several queries as one, still lazy: sent in order, with the others of inOneRoundTrip, when it is awaited. */
export function together<T extends readonly PromiseLike<unknown>[]>(...queries: T): PromiseLike<Results<T>> {
  return { then: (onFulfilled, onRejected) => startInOrder(queries).then(onFulfilled, onRejected) };
}

/** `query` with its rows turned into `map(rows)`, still lazy: it is sent when awaited (or by inOneRoundTrip), not now. */
export function lazy<R, T>(query: PromiseLike<R>, map: (rows: R) => T): PromiseLike<T> {
  return {
    then: (onFulfilled, onRejected) => query.then(map).then(onFulfilled, onRejected),
  };
}

/** The rows of a `tx.execute(sql…)` result, whichever driver ran it (postgres-js answers an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
