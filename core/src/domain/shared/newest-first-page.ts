// Relay pages of rows ordered newest first by (timestamp, id): the cursor is that pair, so pages never skip
// or repeat rows when new ones arrive.
import { and, eq, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { badInput, DomainError } from './domain-error';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** computed only when asked for: counting is not free */
  totalCount: () => Promise<number>;
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined, fallback = 20): number {
  if (first == null) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  return first;
}

interface Cursor {
  at: Date;
  id: string;
}

// What a cursor we made can hold: our ids (`pur_01j…`) and the ISO timestamps `toISOString` writes for years
// 1000–9999. Anything else was edited by hand and must never reach SQL (Postgres fails on NUL, on timestamps
// it cannot read and on numbers out of a column's range, and that would be a 500).
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CURSOR_TIME = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function invalidCursor(): DomainError {
  return new DomainError('INVALID_CURSOR', 'The cursor is not one this list gave out; start again from the first page', [
    { path: 'after', message: 'not a cursor of this list' },
  ]);
}

/** The JSON array inside a cursor, or null when the text is not one. */
export function cursorParts(cursor: string): unknown[] | null {
  if (cursor.length > 512) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parts) ? parts : null;
  } catch {
    return null;
  }
}

export function isCursorId(value: unknown): value is string {
  return typeof value === 'string' && CURSOR_ID.test(value);
}

/** A timestamp as our cursors write it, or null. */
export function cursorTime(value: unknown): Date | null {
  if (typeof value !== 'string' || !CURSOR_TIME.test(value)) return null;
  const date = new Date(value);
  // reject what the pattern allows but the calendar does not (2026-02-31 would roll over)
  return !Number.isNaN(date.getTime()) && date.toISOString() === value ? date : null;
}

export const encodeNewestFirstCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');

/** Reads a cursor of a newest-first list; anything else is INVALID_CURSOR on `after`. */
export function decodeNewestFirstCursor(cursor: string): Cursor {
  const parts = cursorParts(cursor);
  const at = parts?.length === 2 ? cursorTime(parts[0]) : null;
  if (!at || !isCursorId(parts![1])) throw invalidCursor();
  return { at, id: parts![1] };
}

/**
 * One page. `fetch` gets the condition for "after the cursor" (undefined on the first page) and how many rows
 * to read; it must order by (time desc, id desc).
 */
export async function newestFirstPage<T extends { id: string }>(
  args: PageArgs,
  columns: { time: AnyColumn; id: AnyColumn },
  timeOf: (row: T) => Date,
  fetch: (after: SQL | undefined, limit: number) => Promise<T[]>,
  count: () => Promise<number>,
  fallbackSize = 20,
): Promise<Page<T>> {
  const limit = pageSize(args.first, fallbackSize);
  const after = args.after ? decodeNewestFirstCursor(args.after) : null;
  const condition = after ? or(lt(columns.time, after.at), and(eq(columns.time, after.at), lt(columns.id, after.id))) : undefined;
  const rows = await fetch(condition, limit + 1);
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeNewestFirstCursor({ at: timeOf(node), id: node.id }), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: count,
  };
}
