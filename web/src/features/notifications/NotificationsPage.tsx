// The notification centre: the user's notifications newest first (unread marked), mark one or all read, and which
// events reach them by e-mail or in the app only.
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { NotificationEvent } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { enumLabel } from '../../lib/enums';
import { formatDateTime } from '../../lib/format';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationsReadMutation,
  NotificationPreferencesQuery,
  NotificationsQuery,
  SetNotificationPreferenceMutation,
} from './notifications.operations';

const refresh = { additionalTypenames: ['NotificationConnection', 'Notification'] };

export function NotificationsPage() {
  const [list, reload] = useQuery({ query: NotificationsQuery, variables: { first: 50 }, requestPolicy: 'cache-and-network' });
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const [, markAll] = useMutation(MarkAllNotificationsReadMutation);
  const after = () => reload({ requestPolicy: 'network-only' });
  const data = list.data?.notifications;
  return (
    <Page
      title="Notifications"
      intro={data ? `${data.unreadCount} unread` : undefined}
      actions={
        <button type="button" className="button" disabled={!data?.unreadCount} onClick={() => markAll({}, refresh).then(after)}>
          Mark all read
        </button>
      }
    >
      {list.error ? <ErrorMessage error={apiErrorFromGraphql(list.error)} /> : null}
      {!data && list.fetching ? <Loading label="Loading notifications…" /> : null}
      {data && !data.edges.length ? <p>Nothing yet: you will be told here when something happens to your leads, sales or money.</p> : null}
      <ul className="notification-list" aria-label="Notifications">
        {data?.edges.map(({ node }) => (
          <li key={node.id} className={node.readAt ? 'notification' : 'notification notification--unread'} aria-label={node.title}>
            <strong>{node.title}</strong> {node.readAt ? null : <span className="badge">unread</span>}
            {node.lines.map((l) => (
              <p key={l}>{l}</p>
            ))}
            <small>{formatDateTime(node.createdAt)}</small> <Link to={node.link}>Open</Link>{' '}
            {node.readAt ? null : (
              <button type="button" className="button button--small button--ghost" onClick={() => markRead({ ids: [node.id] }, refresh).then(after)}>
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
      <NotificationPreferences />
    </Page>
  );
}

function NotificationPreferences() {
  const [prefs] = useQuery({ query: NotificationPreferencesQuery });
  const [, setPreference] = useMutation(SetNotificationPreferenceMutation);
  const toggle = (event: NotificationEvent, channel: 'email' | 'inApp', value: boolean) => setPreference({ event, [channel]: value });
  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">Preferences</h2>
      {prefs.error ? <ErrorMessage error={apiErrorFromGraphql(prefs.error)} /> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">E-mail</th>
            <th scope="col">In the app</th>
          </tr>
        </thead>
        <tbody>
          {prefs.data?.notificationPreferences.map((p) => (
            <tr key={p.event}>
              <td>{enumLabel(p.event)}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${enumLabel(p.event)} by e-mail`}
                  checked={p.email}
                  onChange={(e) => toggle(p.event, 'email', e.target.checked)}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${enumLabel(p.event)} in the app`}
                  checked={p.inApp}
                  onChange={(e) => toggle(p.event, 'inApp', e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
