// Searchable operator tables paged by offset: a page is `first` rows after `offset`, with the total count of
// rows matching the search. Operators jump to page N of a sorted table, which cursors cannot do.
import { z } from 'zod';
import { parseInput } from './validation';

export const MAX_OFFSET_PAGE_SIZE = 100;
export const MAX_OFFSET = 100_000;
export const MAX_SEARCH_LENGTH = 100;

export interface OffsetPageArgs {
  search?: string | null;
  first?: number | null;
  offset?: number | null;
}

export interface OffsetPage<T> {
  items: T[];
  totalCount: number;
}

const ZOffsetPageArgs = z.object({
  search: z
    .string()
    .trim()
    .max(MAX_SEARCH_LENGTH, `at most ${MAX_SEARCH_LENGTH} characters`)
    .nullish()
    .transform((s) => s || null),
  first: z
    .number()
    .int()
    .min(1, `must be between 1 and ${MAX_OFFSET_PAGE_SIZE}`)
    .max(MAX_OFFSET_PAGE_SIZE, `must be between 1 and ${MAX_OFFSET_PAGE_SIZE}`)
    .nullish()
    .transform((n) => n ?? 25),
  offset: z
    .number()
    .int()
    .min(0, 'must not be negative')
    .max(MAX_OFFSET, `at most ${MAX_OFFSET}`)
    .nullish()
    .transform((n) => n ?? 0),
});
export type TOffsetPageArgs = z.infer<typeof ZOffsetPageArgs>;

export function parseOffsetPageArgs(args: OffsetPageArgs): TOffsetPageArgs {
  return parseInput(ZOffsetPageArgs, { search: args.search ?? null, first: args.first ?? null, offset: args.offset ?? null }, '');
}

/** `%text%` for ILIKE, with the pattern characters of the search taken literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
