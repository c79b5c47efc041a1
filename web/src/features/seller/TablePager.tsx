// "21–40 of 95" with Previous / Next buttons, under a paged table.
import type { CursorPager } from './use-cursor-pager';

/** The page of a GraphQL connection the table shows: its rows, the total and where the next page starts. */
export interface PagedConnection {
  edges: readonly unknown[];
  totalCount: number;
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

export function TablePager({
  pager,
  pageSize,
  connection,
  noun,
}: {
  pager: CursorPager;
  pageSize: number;
  connection: PagedConnection;
  noun: [one: string, many: string];
}) {
  const shown = connection.edges.length;
  const { totalCount } = connection;
  const { endCursor, hasNextPage } = connection.pageInfo;
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
