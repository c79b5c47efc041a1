// Buyer: every order by status (pending payment, paid, expired, cancelled), newest first, to get back to an unpaid one.
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { OrderStatus } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { isOneOf } from '../../lib/enums';
import { formatDateTime, formatMoney } from '../../lib/format';
import { usePageCursors } from '../../lib/use-page-cursors';
import { Badge } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { ORDER_TABS, leadCountText, orderReference, orderStatusWords, paidWithWords } from './order-words';
import { MyOrdersQuery } from './orders.operations';

const PAGE_SIZE = 25;
const STATUSES: readonly OrderStatus[] = ['RESERVED', 'PAID', 'EXPIRED', 'CANCELLED'];

export function OrdersPage() {
  const [params] = useSearchParams();
  const raw = params.get('status');
  const status = isOneOf(STATUSES, raw) ? raw : null;
  return (
    <Page title="Orders" wide intro="Every order you placed. A pending order holds its leads until the time shown; pay it by card or from your wallet.">
      <nav className="tabs" aria-label="Order status">
        <ul>
          {ORDER_TABS.map((tab) => (
            <li key={tab.label}>
              <Link
                to={tab.status ? `/orders?status=${tab.status}` : '/orders'}
                aria-current={tab.status === status ? 'page' : undefined}
                className="tabs__tab"
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* a new key per status: its own list of pages */}
      <OrderList key={status ?? 'all'} status={status} />
    </Page>
  );
}

function OrderList({ status }: { status: OrderStatus | null }) {
  const { cursors, loadMore } = usePageCursors();
  return (
    <div className="table-wrap">
      {/* explicit roles: on phones the rows stack (display: grid), which would otherwise drop the table semantics */}
      <table className="table table--stack" role="table">
        <caption className="visually-hidden">{status ? `${ORDER_TABS.find((t) => t.status === status)!.label} orders` : 'All orders'}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              Order
            </th>
            <th scope="col" role="columnheader">
              Status
            </th>
            <th scope="col" role="columnheader">
              Leads
            </th>
            <th scope="col" role="columnheader">
              Total
            </th>
            <th scope="col" role="columnheader">
              Paid with
            </th>
            <th scope="col" role="columnheader">
              Created
            </th>
          </tr>
        </thead>
        {cursors.map((after, i) => (
          <OrderRows key={after ?? 'first'} status={status} after={after} isFirst={i === 0} isLast={i === cursors.length - 1} onLoadMore={loadMore} />
        ))}
      </table>
    </div>
  );
}

function OrderRows({
  status,
  after,
  isFirst,
  isLast,
  onLoadMore,
}: {
  status: OrderStatus | null;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const [result] = useQuery({ query: MyOrdersQuery, variables: { status, first: PAGE_SIZE, after }, requestPolicy: 'cache-and-network' });
  const connection = result.data?.myOrders;
  const error = apiErrorFromGraphql(result.error);
  const now = new Date();
  if (!connection) {
    return (
      <tbody role="rowgroup">
        <tr role="row">
          <td role="cell" colSpan={6} className="table__wide">
            {error ? <ErrorMessage error={error} title="Orders could not be loaded" /> : <Loading label="Loading orders…" />}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody role="rowgroup">
      {isFirst && connection.edges.length === 0 ? (
        <tr role="row">
          <td role="cell" colSpan={6} className="table__wide">
            <EmptyState title={status ? 'No orders with this status' : 'No orders yet'}>
              <p>
                Orders appear here when you reserve leads on the <Link to="/marketplace">marketplace</Link>.
              </p>
            </EmptyState>
          </td>
        </tr>
      ) : null}
      {connection.edges.map(({ node: order }) => {
        const words = orderStatusWords(order.status, order.expiresAt, now);
        return (
          <tr key={order.id} role="row">
            <th scope="row" role="rowheader" className="table__wide">
              <Link to={`/orders/${order.id}`}>Order {orderReference(order.id)}</Link>
              <span className="table__sub-text mono">{order.id}</span>
            </th>
            <td role="cell" data-label="Status">
              <Badge tone={words.tone}>{words.label}</Badge>
              {words.label === 'Pending payment' ? <span className="table__sub-text">until {formatDateTime(order.expiresAt)}</span> : null}
            </td>
            <td role="cell" data-label="Leads">
              {leadCountText(order.leadCount)}
            </td>
            <td role="cell" data-label="Total">
              {formatMoney(order.total)}
            </td>
            <td role="cell" data-label="Paid with">
              {paidWithWords(order.paidWith)}
            </td>
            <td role="cell" data-label="Created">
              {formatDateTime(order.createdAt)}
            </td>
          </tr>
        );
      })}
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <tr role="row">
          <td role="cell" colSpan={6} className="table__wide">
            <button type="button" className="button button--secondary" onClick={() => onLoadMore(connection.pageInfo.endCursor!)}>
              Show more orders
            </button>
            <span className="muted"> {connection.totalCount.toLocaleString('en-US')} in all</span>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
