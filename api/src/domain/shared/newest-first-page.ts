// Relay pages of rows ordered newest first by (timestamp, id): the cursor is that pair, so pages never skip
// or repeat rows when new ones arrive.
import { and, eq, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { badInput } from './domain-error';

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

const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');

function decode(cursor: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (!Number.isNaN(date.getTime()) && typeof id === 'string') return { at: date, id };
  } catch {
    // fall through
  }
  throw badInput([{ path: 'after', message: 'not a cursor of this list' }]);
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
  const after = args.after ? decode(args.after) : null;
  const condition = after ? or(lt(columns.time, after.at), and(eq(columns.time, after.at), lt(columns.id, after.id))) : undefined;
  const rows = await fetch(condition, limit + 1);
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encode({ at: timeOf(node), id: node.id }), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: count,
  };
}
