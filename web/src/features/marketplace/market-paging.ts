// The marketplace's page, page size and view in the URL (`page=3&size=50&view=table`), beside the filter keys
// (filter-state.ts), and the numbers the pagination shows. Pure functions.

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** the API counts matches up to this many (totalCountCapped) and skips at most this many rows */
export const COUNT_CAP = 10_000;

export type MarketView = 'table' | 'cards';

export interface Paging {
  page: number;
  size: number;
  /** null: the default for the screen (table when wide, cards when narrow) */
  view: MarketView | null;
}

export const PAGING_KEYS = ['page', 'size', 'view'] as const;

export function readPaging(params: URLSearchParams): Paging {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const view = params.get('view');
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    view: view === 'table' || view === 'cards' ? view : null,
  };
}

/** The filter's params with the paging added; defaults are left out. */
export function withPaging(filterParams: URLSearchParams, paging: Paging): URLSearchParams {
  const params = new URLSearchParams(filterParams);
  for (const key of PAGING_KEYS) params.delete(key);
  if (paging.page > 1) params.set('page', String(paging.page));
  if (paging.size !== DEFAULT_PAGE_SIZE) params.set('size', String(paging.size));
  if (paging.view) params.set('view', paging.view);
  return params;
}

/** The filter part of the URL only (what decides the results, not where in them we are). */
export function filterKey(params: URLSearchParams): string {
  const p = new URLSearchParams(params);
  for (const key of PAGING_KEYS) p.delete(key);
  return p.toString();
}

/** The rows to skip for a page, or null when the page lies beyond what the API may skip. */
export function pageOffset(paging: Paging): number | null {
  const offset = (paging.page - 1) * paging.size;
  return offset <= COUNT_CAP ? offset : null;
}

export function lastPage(count: number, size: number): number {
  return Math.max(1, Math.ceil(Math.min(count, COUNT_CAP) / size));
}

/** Page numbers to offer: the first, the last, and two either side of the current one, with gaps as null. */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const wanted = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= last));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}

/** "1 lead matches", "2 leads match", "1,234 leads match", "10,000+ leads match". */
export function matchCountText(count: { count: number; capped: boolean }): string {
  if (count.capped) return `${count.count.toLocaleString('en-US')}+ leads match`;
  return count.count === 1 ? '1 lead matches' : `${count.count.toLocaleString('en-US')} leads match`;
}
