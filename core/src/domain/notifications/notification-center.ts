// The notification centre: a signed-in user's own notifications, newest first, their unread count, and marking
// them read. Only the user's own rows are ever read or changed.
import { schema, type NotificationEvent } from '@leadex/db';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { badInput } from '../shared/domain-error';
import { newestFirstPage, type Page, type PageArgs } from '../shared/newest-first-page';
import type { NotificationData } from './notification-events';
import { renderNotification, type NotificationContent } from './templates';

const { notifications } = schema;

export interface NotificationView extends NotificationContent {
  id: string;
  event: NotificationEvent;
  createdAt: Date;
  readAt: Date | null;
}

const view = (row: typeof notifications.$inferSelect): NotificationView => ({
  id: row.id,
  event: row.event,
  createdAt: row.createdAt,
  readAt: row.readAt,
  ...renderNotification(row.event, row.data as NotificationData[NotificationEvent]),
});

export async function unreadNotificationCount(deps: AppDeps, userId: string): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(deps: AppDeps, actor: Actor | null, args: PageArgs): Promise<Page<NotificationView> & { unreadCount: number }> {
  const user = requireUser(actor);
  const mine = eq(notifications.userId, user.userId);
  const page = await newestFirstPage(
    args,
    { time: notifications.createdAt, id: notifications.id },
    (n: NotificationView) => n.createdAt,
    async (after, limit) =>
      (
        await deps.db
          .select()
          .from(notifications)
          .where(after ? and(mine, after) : mine)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(limit)
      ).map(view),
    async () => Number((await deps.db.select({ n: count() }).from(notifications).where(mine))[0]?.n ?? 0),
  );
  return { ...page, unreadCount: await unreadNotificationCount(deps, user.userId) };
}

/** Marks the user's own notifications read; ids of others' rows (or unknown ids) change nothing. Returns the unread count after. */
export async function markNotificationsRead(deps: AppDeps, actor: Actor | null, ids: string[] | null): Promise<number> {
  const user = requireUser(actor);
  if (ids && (ids.length > 500 || ids.some((id) => typeof id !== 'string' || id.length > 64))) {
    throw badInput([{ path: 'ids', message: 'at most 500 notification ids' }]);
  }
  const unread = and(eq(notifications.userId, user.userId), isNull(notifications.readAt));
  if (!ids || ids.length)
    await deps.db
      .update(notifications)
      .set({ readAt: deps.clock() })
      .where(ids ? and(unread, inArray(notifications.id, ids)) : unread);
  return unreadNotificationCount(deps, user.userId);
}
