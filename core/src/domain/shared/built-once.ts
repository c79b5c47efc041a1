// Statements whose SQL text drizzle builds once per process instead of once per call (issue 17): building one takes
// drizzle 40–240 µs of the API's CPU on this machine (a lead row's 40 columns, each checked against every SQL
// entity kind), about a quarter of a purchase's CPU, while the text of a given statement never changes.
import type { Db } from '@leadex/db';
import { sql, type Query, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSession } from 'drizzle-orm/pg-core';

type Fields = Parameters<PgSession['prepareQuery']>[1];
/** A query builder (toSQL) or a raw `db.execute(sql…)` (getQuery): both only built, not sent, until run. */
type Buildable = PromiseLike<unknown> & ({ toSQL(): Query } | { getQuery(): Query });

/** A flat selection: result key → the column or SQL expression that fills it. */
export type Selection = Record<string, PgColumn | SQL | SQL.Aliased>;

/** A value slot of a built-once statement: `sql.placeholder`, filled per call. */
export const slot = (name: string) => sql.placeholder(name);

/** `count` slots named `<name>0…`, for an IN list or multi-row VALUES of that many (the count is part of the shape). */
export const slots = (name: string, count: number) => Array.from({ length: count }, (_, i) => sql.placeholder(`${name}${i}`));

/** Values for `slots(name, values.length)`. */
export function slotValues(name: string, values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(values.map((v, i) => [`${name}${i}`, v]));
}

/**
 * A statement built once per `shape` (e.g. how many leads): `make` receives only the shape and writes every value
 * as a slot — define it at module level, so no request's value can be frozen into the text. `selection` is the
 * flat selection the statement answers (its select or returning list), mapped like drizzle's own rows.
 * Runs in any transaction (or handle) `tx` with the slots' `values`; lazy, like a builder (inOneRoundTrip).
 */
export function builtOnce<Shape extends (string | number | boolean)[], B extends Buildable>(
  make: (db: Db, ...shape: Shape) => B,
  selection?: Selection,
): (tx: Db, shape: Shape, values: Record<string, unknown>) => PromiseLike<Awaited<B>> {
  const built = new Map<string, { query: Query; fields: Fields }>();
  return (tx, shape, values) => {
    const key = shape.join('|');
    let statement = built.get(key);
    if (!statement) {
      const made = make(tx, ...shape);
      statement = {
        query: 'toSQL' in made ? made.toSQL() : made.getQuery(),
        fields: selection && Object.entries(selection).map(([k, field]) => ({ path: [k], field })),
      };
      built.set(key, statement);
    }
    const { query, fields } = statement;
    const prepared = tx._.session.prepareQuery(query, fields, undefined, fields != null);
    return {
      then: (onFulfilled, onRejected) =>
        prepared
          .execute(values)
          .then((rows) => rows as Awaited<B>)
          .then(onFulfilled, onRejected),
    };
  };
}

type Row = Record<string, unknown>;

/** `count` rows for a multi-row VALUES, each field a slot `<prefix><field><i>`; fill them with rowValues. */
export function slotRows(prefix: string, fields: readonly string[], count: number): Row[] {
  return Array.from({ length: count }, (_, i) => Object.fromEntries(fields.map((f) => [f, slot(`${prefix}${f}${i}`)])));
}

/** The values of slotRows(prefix, fields, rows.length): a field a row leaves out (or leaves undefined) is null. */
export function rowValues(prefix: string, fields: readonly string[], rows: readonly Row[]): Row {
  const values: Row = {};
  rows.forEach((row, i) => {
    for (const f of fields) values[`${prefix}${f}${i}`] = row[f] ?? null;
  });
  return values;
}
