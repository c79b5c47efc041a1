// Every signed-in user: the notification centre (unread count for the header's bell, the list, marking read) and
// the per-event preferences.
import { graphql } from '../../gql';

export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    notifications(first: 1) {
      unreadCount
    }
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String) {
    notifications(first: $first, after: $after) {
      unreadCount
      edges {
        node {
          id
          event
          title
          lines
          link
          createdAt
          readAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      event
      email
      inApp
    }
  }
`);

export const SetNotificationPreferenceMutation = graphql(`
  mutation SetNotificationPreference($event: NotificationEvent!, $email: Boolean, $inApp: Boolean) {
    setNotificationPreference(event: $event, email: $email, inApp: $inApp) {
      event
      email
      inApp
    }
  }
`);
