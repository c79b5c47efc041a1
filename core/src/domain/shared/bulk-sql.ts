// Set-based statements over many rows with one bind parameter each: drizzle's multi-row `insert().values()`
// and `inArray` bind one parameter per value, and building and sending 10,000 of them cost more than the
// statement itself (bench/ingest). A JSON document is one parameter however many rows or ids it holds, and
// `jsonb_populate_recordset` / `jsonb_array_elements_text` work on PostgreSQL and PGlite alike.
import { getTableColumns, getTableName, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';
import type { Db } from '@leadex/db';

/** `column IN (…ids)` with the ids as one JSON parameter. */
export function inIds(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

/** A text[] parameter (one bind parameter) for `column = ANY(…)`, which the planner matches to an index like `IN (…)`. */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

/**
 * Inserts rows (drizzle property names) as JSON documents of `chunk` rows. `defaults` fills what the table's
 * column defaults would (populate_recordset takes every column from the document, so a missing one is NULL).
 */
export async function insertRowsAsJson<T extends Table>(
  tx: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
  defaults: Partial<T['$inferInsert']> = {},
  chunk = 5000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.execute(insertFromJson(table, jsonRecords(table, rows.slice(i, i + chunk), defaults)));
  }
}

/** Rows (drizzle property names) as the JSON document insertFromJson takes, `defaults` filling what is missing. */
export function jsonRecords<T extends Table>(table: T, rows: readonly T['$inferInsert'][], defaults: Partial<T['$inferInsert']> = {}): string {
  const columns = columnNames(table);
  const toRecord = (row: T['$inferInsert']) => {
    const out: Record<string, unknown> = {};
    for (const { key, name: columnName } of columns) {
      const value = (row as Record<string, unknown>)[key] ?? (defaults as Record<string, unknown>)[key] ?? null;
      out[columnName] = value instanceof Date ? value.toISOString() : value;
    }
    return out;
  };
  return JSON.stringify(rows.map(toRecord));
}

// a table's property → column names, listed once: walking drizzle's column objects cost ~8 µs a call, three
// times a single-lead submission (bench/ingest)
const columnLists = new WeakMap<Table, { key: string; name: string }[]>();

function columnNames(table: Table): { key: string; name: string }[] {
  let list = columnLists.get(table);
  if (!list) {
    list = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name }));
    columnLists.set(table, list);
  }
  return list;
}

/** The INSERT of a jsonRecords document: a statement of its own, or a data-modifying CTE of a larger one. */
export function insertFromJson(table: Table, json: string): SQL {
  const name = getTableName(table);
  return sql`INSERT INTO ${sql.identifier(name)} SELECT * FROM jsonb_populate_recordset(NULL::${sql.identifier(name)}, ${json}::jsonb)`;
}
