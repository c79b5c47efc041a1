// The purchases list's filter, search and sort in the URL (`?q=ana&segment=FINANCE&outcome=LOST&from=2026-11-01
// &to=2026-11-30&sort=OLDEST`) and as the API's PurchaseFilter. Dates are whole local days; `to` includes its day.
import type { LeadOutcome, PurchaseFilter, PurchaseSort } from '../../gql/graphql';
import { isOneOf } from '../../lib/enums';
import { LEAD_OUTCOMES } from './outcome-rules';

export const PURCHASE_SORTS: readonly { value: PurchaseSort; label: string }[] = [
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'OLDEST', label: 'Oldest first' },
  { value: 'PRICE_DESC', label: 'Price: high to low' },
  { value: 'PRICE_ASC', label: 'Price: low to high' },
];

export interface PurchaseListState {
  search: string;
  segment: string;
  outcome: LeadOutcome | '';
  from: string;
  to: string;
  sort: PurchaseSort;
}

export const EMPTY_PURCHASE_LIST: PurchaseListState = { search: '', segment: '', outcome: '', from: '', to: '', sort: 'NEWEST' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readPurchaseList(params: URLSearchParams): PurchaseListState {
  const outcome = params.get('outcome') ?? '';
  const sort = params.get('sort') ?? '';
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? params.get(key)! : '');
  return {
    search: (params.get('q') ?? '').slice(0, 100),
    segment: (params.get('segment') ?? '').toUpperCase(),
    outcome: isOneOf(LEAD_OUTCOMES, outcome) ? outcome : '',
    from: day('from'),
    to: day('to'),
    sort: PURCHASE_SORTS.some((s) => s.value === sort) ? (sort as PurchaseSort) : 'NEWEST',
  };
}

export function purchaseListParams(state: PurchaseListState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.search.trim()) p.set('q', state.search.trim());
  if (state.segment) p.set('segment', state.segment);
  if (state.outcome) p.set('outcome', state.outcome);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'NEWEST') p.set('sort', state.sort);
  return p;
}

function localMidnight(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/** The API filter, or null when nothing is filtered (the plain newest-first list). */
export function toPurchaseFilter(state: PurchaseListState): PurchaseFilter | null {
  const f: PurchaseFilter = {};
  if (state.search.trim()) f.search = state.search.trim();
  if (state.segment) f.segments = [state.segment];
  if (state.outcome) f.outcomes = [state.outcome];
  if (state.from) f.purchasedFrom = localMidnight(state.from);
  if (state.to) f.purchasedBefore = localMidnight(state.to, 1);
  return Object.keys(f).length ? f : null;
}

/** A date range that ends before it starts cannot match anything: say so instead of asking. */
export function dateRangeError(state: PurchaseListState): string | null {
  return state.from && state.to && state.from > state.to ? 'The end date must not be before the start date.' : null;
}
