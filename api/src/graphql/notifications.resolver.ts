// Notifications: the notification centre and preferences, thin calls into the domain.
import { listNotifications, markNotificationsRead } from '@leadex/core/domain/notifications/notification-center';
import { notificationPreferencesOf, setNotificationPreference } from '@leadex/core/domain/notifications/notification-preferences.service';
import type { GqlContext } from './context';

type Connection = { totalCount: () => Promise<number> };

export const notificationResolvers = {
  Query: {
    notifications: (_: unknown, a: { first?: number | null; after?: string | null }, ctx: GqlContext) => listNotifications(ctx.deps, ctx.actor, a),
    notificationPreferences: (_: unknown, __: unknown, ctx: GqlContext) => notificationPreferencesOf(ctx.deps, ctx.actor),
  },
  Mutation: {
    markNotificationsRead: (_: unknown, a: { ids: string[] }, ctx: GqlContext) => markNotificationsRead(ctx.deps, ctx.actor, a.ids),
    markAllNotificationsRead: (_: unknown, __: unknown, ctx: GqlContext) => markNotificationsRead(ctx.deps, ctx.actor, null),
    setNotificationPreference: (_: unknown, a: { event: string; email?: boolean | null; inApp?: boolean | null }, ctx: GqlContext) =>
      setNotificationPreference(ctx.deps, ctx.actor, a.event, { email: a.email, inApp: a.inApp }),
  },
  NotificationConnection: { totalCount: (c: Connection) => c.totalCount() },
};
