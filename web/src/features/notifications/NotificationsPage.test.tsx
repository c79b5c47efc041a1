import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { NotificationBell } from './NotificationBell';
import { NotificationsPage } from './NotificationsPage';

const node = (id: string, title: string, readAt: string | null) => ({
  __typename: 'Notification',
  id,
  event: 'PAYOUT_SENT',
  title,
  lines: [`Payout ${id} was transferred to your connected account.`],
  link: '/seller/payouts',
  createdAt: '2026-12-02T10:00:00Z',
  readAt,
});

describe('<NotificationsPage>', () => {
  it('lists notifications with the unread ones marked, marks one and then all read', async () => {
    const read = new Set<string>();
    const connection = () => {
      const nodes = [node('ntf_1', 'Payout of 10.00 USD sent', null), node('ntf_2', 'Payout of 20.00 USD sent', '2026-12-02T11:00:00Z')].map((n) =>
        read.has(n.id) ? { ...n, readAt: '2026-12-02T12:00:00Z' } : n,
      );
      return {
        __typename: 'NotificationConnection',
        unreadCount: nodes.filter((n) => !n.readAt).length,
        edges: nodes.map((n) => ({ __typename: 'NotificationEdge', node: n })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      };
    };
    const { requests } = renderWithApi(<NotificationsPage />, {
      Notifications: () => ({ data: { notifications: connection() } }),
      NotificationPreferences: () => ({
        data: { notificationPreferences: [{ __typename: 'NotificationPreference', event: 'PAYOUT_SENT', email: true, inApp: true }] },
      }),
      MarkNotificationsRead: (v) => {
        for (const id of v.ids as string[]) read.add(id);
        return { data: { markNotificationsRead: 0 } };
      },
      MarkAllNotificationsRead: () => ({ data: { markAllNotificationsRead: 0 } }),
      SetNotificationPreference: (v) => ({
        data: { setNotificationPreference: { __typename: 'NotificationPreference', event: v.event, email: v.email ?? true, inApp: v.inApp ?? true } },
      }),
    });
    const unread = await screen.findByRole('listitem', { name: 'Payout of 10.00 USD sent' });
    expect(unread.textContent).toContain('unread');
    expect(screen.getByText('1 unread')).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: 'Payout of 20.00 USD sent' })).queryByRole('button', { name: 'Mark read' })).toBeNull();

    fireEvent.click(within(unread).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(screen.getByText('0 unread')).toBeTruthy());
    expect(requests.find((r) => r.operationName === 'MarkNotificationsRead')?.variables).toEqual({ ids: ['ntf_1'] });

    const email = await screen.findByRole('checkbox', { name: 'Payout sent by e-mail' });
    fireEvent.click(email);
    await waitFor(() => expect(requests.some((r) => r.operationName === 'SetNotificationPreference')).toBe(true));
    expect(requests.find((r) => r.operationName === 'SetNotificationPreference')?.variables).toEqual({ event: 'PAYOUT_SENT', email: false });
  });
});

describe('<NotificationBell>', () => {
  it('shows the unread count', async () => {
    renderWithApi(<NotificationBell />, {
      UnreadNotifications: () => ({ data: { notifications: { __typename: 'NotificationConnection', unreadCount: 3 } } }),
    });
    expect(await screen.findByRole('link', { name: 'Notifications, 3 unread' })).toBeTruthy();
  });
});
