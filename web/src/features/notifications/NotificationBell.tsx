// The header's bell: a link to the notification centre with the unread count.
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { UnreadNotificationsQuery } from './notifications.operations';

export function NotificationBell() {
  const [res] = useQuery({ query: UnreadNotificationsQuery, requestPolicy: 'cache-and-network' });
  const unread = res.data?.notifications.unreadCount ?? 0;
  return (
    <Link to="/notifications" className="button button--ghost" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      <span aria-hidden="true">🔔</span>
      {unread ? <span className="badge">{unread > 99 ? '99+' : unread}</span> : null}
    </Link>
  );
}
