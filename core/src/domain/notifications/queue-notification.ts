// queueNotification: records one event for every recipient who wants it, inside the event's own transaction — a
// notification-centre row (in-app) and an outbox row (e-mail) per recipient, as their preferences say. A rolled-back
// change leaves neither; the `notifications` job sends the outbox after commit (send-notification-emails.ts).
import { schema, type Db, type NotificationEvent } from '@leadex/db';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { newId } from '../shared/ids';
import { inOneRoundTrip, lazy } from '../shared/one-round-trip';
import { channelsWanted } from './notification-email.rules';
import { AUDIENCE, type NotificationData } from './notification-events';

const { users, notifications, notificationOutbox, notificationPreferences } = schema;

export interface QueuedNotification<E extends NotificationEvent = NotificationEvent> {
  /** the event's business key (e.g. `payout-sent:pyo_…`): one notification per key and recipient, ever */
  eventKey: string;
  event: E;
  /** whose users hear of it; for an operators' event, the organisation it is about */
  organizationId: string;
  data: NotificationData[E];
}

/**
 * Idempotent: a second call with the same event key adds nothing for a recipient who already has it (unique
 * (event_key, user_id) on both tables). Returns how many e-mails and in-app rows it queued.
 */
export async function queueNotification<E extends NotificationEvent>(tx: Db, n: QueuedNotification<E>): Promise<{ emails: number; inApp: number }> {
  const audience = AUDIENCE[n.event];
  const recipients = await tx
    .select({ id: users.id, organizationId: users.organizationId, email: notificationPreferences.email, inApp: notificationPreferences.inApp })
    .from(users)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.event, n.event)))
    .where(and(audience === 'OPERATORS' ? eq(users.role, 'OPERATOR') : eq(users.organizationId, n.organizationId), isNull(users.removedAt)))
    .orderBy(users.id);
  const wanted = recipients.map((r) => ({ ...r, ...channelsWanted(r.email == null ? undefined : { email: r.email, inApp: r.inApp! }) }));
  const base = (r: (typeof wanted)[number]) => ({ userId: r.id, organizationId: r.organizationId, event: n.event, eventKey: n.eventKey, data: n.data });
  const inApp = wanted.filter((r) => r.inApp).map((r) => ({ id: newId('ntf'), ...base(r) }));
  const emails = wanted.filter((r) => r.email).map((r) => ({ id: newId('nml'), ...base(r) }));
  const addedInApp = inApp.length ? await tx.insert(notifications).values(inApp).onConflictDoNothing().returning({ id: notifications.id }) : [];
  const addedEmails = emails.length ? await tx.insert(notificationOutbox).values(emails).onConflictDoNothing().returning({ id: notificationOutbox.id }) : [];
  return { emails: addedEmails.length, inApp: addedInApp.length };
}

/** The users who may hear of a set of notifications, each with the preferences they set for those events. */
export interface NotificationRecipients {
  users: { id: string; organizationId: string | null; role: string; prefs: Map<string, { email: boolean; inApp: boolean }> }[];
}

/**
 * The recipients of all of `list` in one look-up (users ordered by id, as queueNotification reads them). Lazy: a
 * caller sends it with its own statements through inOneRoundTrip, then queues with queueNotificationsTo.
 */
export function notificationRecipients(tx: Db, list: QueuedNotification[]): PromiseLike<NotificationRecipients> {
  if (!list.length) return lazy(Promise.resolve(null), () => ({ users: [] }));
  const events = [...new Set(list.map((n) => n.event))];
  const orgs = [...new Set(list.filter((n) => AUDIENCE[n.event] !== 'OPERATORS').map((n) => n.organizationId))];
  const operators = list.some((n) => AUDIENCE[n.event] === 'OPERATORS');
  const audience = or(orgs.length ? inArray(users.organizationId, orgs) : undefined, operators ? eq(users.role, 'OPERATOR') : undefined);
  const rows = tx
    .select(RECIPIENT_COLUMNS)
    .from(users)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), inArray(notificationPreferences.event, events)))
    .where(and(audience, isNull(users.removedAt)))
    .orderBy(users.id);
  return lazy(rows, recipientsFromRows);
}

/** What a recipients look-up selects: users left-joined with their preferences for the events concerned. */
export const RECIPIENT_COLUMNS = {
  id: users.id,
  organizationId: users.organizationId,
  role: users.role,
  event: notificationPreferences.event,
  email: notificationPreferences.email,
  inApp: notificationPreferences.inApp,
};

/** NotificationRecipients from the rows of a RECIPIENT_COLUMNS look-up ordered by user id. */
export function recipientsFromRows(
  found: { id: string; organizationId: string | null; role: string; event: string | null; email: boolean | null; inApp: boolean | null }[],
): NotificationRecipients {
  const byId = new Map<string, NotificationRecipients['users'][number]>();
  for (const r of found) {
    const user = byId.get(r.id) ?? { id: r.id, organizationId: r.organizationId, role: r.role, prefs: new Map() };
    byId.set(r.id, user);
    if (r.event != null) user.prefs.set(r.event, { email: r.email!, inApp: r.inApp! });
  }
  return { users: [...byId.values()] };
}

/**
 * queueNotification for every one of `list`, to the recipients notificationRecipients found: the same rows, in one
 * insert per table (one round trip). Returns how many e-mails and in-app rows it queued.
 */
export async function queueNotificationsTo(tx: Db, list: QueuedNotification[], recipients: NotificationRecipients): Promise<{ emails: number; inApp: number }> {
  const [addedInApp, addedEmails] = await inOneRoundTrip(tx, ...notificationInserts(tx, list, recipients));
  return { emails: addedEmails.length, inApp: addedInApp.length };
}

/** The rows queueNotificationsTo writes: a notification-centre row (in-app) and an outbox row (e-mail) per recipient who wants each. */
export interface NotificationRows {
  inApp: (typeof notifications.$inferInsert & { id: string })[];
  emails: (typeof notificationOutbox.$inferInsert & { id: string })[];
}

/** Who of `recipients` hears of each of `list`, on which channel, as rows (pure: nothing is sent). */
export function notificationRows(list: QueuedNotification[], recipients: NotificationRecipients): NotificationRows {
  const rows: NotificationRows = { inApp: [], emails: [] };
  for (const n of list) {
    const operators = AUDIENCE[n.event] === 'OPERATORS';
    for (const user of recipients.users.filter((u) => (operators ? u.role === 'OPERATOR' : u.organizationId === n.organizationId))) {
      const wanted = channelsWanted(user.prefs.get(n.event));
      const base = { userId: user.id, organizationId: user.organizationId!, event: n.event, eventKey: n.eventKey, data: n.data };
      if (wanted.inApp) rows.inApp.push({ id: newId('ntf'), ...base });
      if (wanted.email) rows.emails.push({ id: newId('nml'), ...base });
    }
  }
  return rows;
}

/**
 * queueNotificationsTo's two inserts (in-app rows, e-mails), lazy: a caller sends them with its own statements
 * through inOneRoundTrip; each answers the rows it added (none for a recipient who already had the event).
 */
export function notificationInserts(
  tx: Db,
  list: QueuedNotification[],
  recipients: NotificationRecipients,
): [PromiseLike<{ id: string }[]>, PromiseLike<{ id: string }[]>] {
  const { inApp, emails } = notificationRows(list, recipients);
  const none = lazy(Promise.resolve(null), (): { id: string }[] => []);
  return [
    inApp.length ? tx.insert(notifications).values(inApp).onConflictDoNothing().returning({ id: notifications.id }) : none,
    emails.length ? tx.insert(notificationOutbox).values(emails).onConflictDoNothing().returning({ id: notificationOutbox.id }) : none,
  ];
}

/**
 * After the event's transaction committed: ask the `notifications` job to send now. Never throws — a failed enqueue
 * (Redis away) leaves the rows for the job's periodic sweep.
 */
export async function sendNotificationsSoon(deps: Pick<AppDeps, 'jobs' | 'logger'>): Promise<void> {
  await deps.jobs.enqueueNotifications().catch((err: Error) => deps.logger.warn({ err: err.message }, 'notifications enqueue failed; the sweep sends them'));
}
