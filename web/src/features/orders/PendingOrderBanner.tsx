// "An order is waiting for payment": a banner across the app while the buyer holds a reserved, unpaid order.
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/session';
import { formatMoney } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { leadCountText, orderReference } from './order-words';
import { PendingOrderQuery } from './orders.operations';
import { timeLeft } from './order-rules';
import './money-pages.css';

export function PendingOrderBanner() {
  const { user } = useSession();
  return user?.role === 'BUYER' ? <PendingOrder /> : null;
}

function PendingOrder() {
  const { pathname } = useLocation();
  const [result, reexecute] = useQuery({ query: PendingOrderQuery, requestPolicy: 'cache-and-network' });
  // every page change asks again: an order placed, paid or cancelled elsewhere shows (or goes) on the next page
  useEffect(() => reexecute({ requestPolicy: 'network-only' }), [pathname, reexecute]);
  const order = result.data?.myOrders.edges[0]?.node;
  const now = useNow(1000, !!order);
  if (!order || new Date(order.expiresAt) <= now || pathname === `/orders/${order.id}`) return null;
  const more = result.data!.myOrders.totalCount - 1;
  return (
    <div className="banner banner--info" role="region" aria-label="Pending payment">
      Order {orderReference(order.id)} · {leadCountText(order.leadCount)} · {formatMoney(order.total)} is waiting for payment; its leads are held for{' '}
      {timeLeft(order.expiresAt, now).text}. <Link to={`/orders/${order.id}`}>Pay now</Link>
      {more > 0 ? (
        <>
          {' '}
          · <Link to="/orders?status=RESERVED">{more === 1 ? '1 more pending order' : `${more} more pending orders`}</Link>
        </>
      ) : null}
    </div>
  );
}
