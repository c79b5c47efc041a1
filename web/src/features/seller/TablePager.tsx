// "21–40 of 95" with Previous / Next buttons, under a paged table.
import type { CursorPager } from './use-cursor-pager';

export function TablePager({
  pager,
  pageSize,
  shown,
  totalCount,
  endCursor,
  hasNextPage,
  noun,
}: {
  pager: CursorPager;
  pageSize: number;
  shown: number;
  totalCount: number;
  endCursor: string | null | undefined;
  hasNextPage: boolean;
  noun: [one: string, many: string];
}) {
  const first = pager.page * pageSize + 1;
  return (
    <nav className="table-pager" aria-label={`Pages of ${noun[1]}`}>
      <p role="status">{`${shown ? `${first.toLocaleString()}–${(first + shown - 1).toLocaleString()} of ` : ''}${totalCount.toLocaleString()} ${totalCount === 1 ? noun[0] : noun[1]}`}</p>
      <div className="table-pager__buttons">
        <button type="button" className="button button--secondary button--small" disabled={pager.page === 0} onClick={pager.previous}>
          Previous
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!hasNextPage || !endCursor}
          onClick={() => endCursor && pager.next(endCursor)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
