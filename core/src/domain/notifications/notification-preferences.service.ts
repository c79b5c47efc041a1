// Notification preferences: per user and event, e-mail and in-app on or off (no stored row = both on). The
// choice applies to events recorded after it; what is already queued stays queued.
import { NOTIFICATION_EVENTS, schema, type NotificationEvent } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { badInput } from '../shared/domain-error';
import { channelsWanted } from './notification-email.rules';
import { AUDIENCE } from './notification-events';

const { notificationPreferences } = schema;

export interface NotificationPreferenceView {
  event: NotificationEvent;
  email: boolean;
  inApp: boolean;
}

/** The events a user can hear of: operators' events for operators, the organisation's events for everyone else. */
function eventsFor(role: string): NotificationEvent[] {
  return NOTIFICATION_EVENTS.filter((e) => (AUDIENCE[e] === 'OPERATORS') === (role === 'OPERATOR'));
}

export async function notificationPreferencesOf(deps: AppDeps, actor: Actor | null): Promise<NotificationPreferenceView[]> {
  const user = requireUser(actor);
  const stored = new Map(
    (await deps.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.userId))).map((p) => [p.event, p]),
  );
  return eventsFor(user.role).map((event) => ({ event, ...channelsWanted(stored.get(event)) }));
}

export async function setNotificationPreference(
  deps: AppDeps,
  actor: Actor | null,
  event: string,
  choice: { email?: boolean | null; inApp?: boolean | null },
): Promise<NotificationPreferenceView> {
  const user = requireUser(actor);
  if (!(NOTIFICATION_EVENTS as readonly string[]).includes(event)) throw badInput([{ path: 'event', message: 'not a notification event' }]);
  const e = event as NotificationEvent;
  const [existing] = await deps.db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, user.userId), eq(notificationPreferences.event, e)));
  const before = channelsWanted(existing);
  const next = { email: choice.email ?? before.email, inApp: choice.inApp ?? before.inApp };
  await deps.db
    .insert(notificationPreferences)
    .values({ userId: user.userId, event: e, ...next, updatedAt: deps.clock() })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.event], set: { ...next, updatedAt: deps.clock() } });
  return { event: e, ...next };
}
