// Page numbers, previous/next and the page size under the marketplace results.
import { PAGE_SIZES, pageNumbers } from './market-paging';

export interface PaginationProps {
  page: number;
  last: number;
  size: number;
  hasNext: boolean;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}

export function Pagination({ page, last, size, hasNext, onPage, onSize }: PaginationProps) {
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <ol className="pagination__pages">
        {pageNumbers(page, last).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="pagination__gap">
              …
            </li>
          ) : (
            <li key={n}>
              <button
                type="button"
                className={`pagination__page${n === page ? ' pagination__page--current' : ''}`}
                aria-current={n === page ? 'page' : undefined}
                aria-label={`Page ${n}`}
                onClick={() => onPage(n)}
              >
                {n.toLocaleString('en-US')}
              </button>
            </li>
          ),
        )}
      </ol>
      <button type="button" className="button button--secondary" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        Next
      </button>
      <label className="pagination__size">
        Per page{' '}
        <select value={size} onChange={(e) => onSize(Number(e.target.value))}>
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
