// Notifications (issue 16): the in-app notification centre, the e-mail outbox the `notifications` job sends from,
// and each user's preferences. Both the centre and the outbox are written in the transaction of the event itself,
// one row per recipient, unique on (event_key, user_id): an event reaches each recipient once, however often the
// code that records it runs.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts';
import { createdAt, id, ts } from './columns';

/** Every event a user can be told about; the templates, the preferences and the GraphQL enum all use this list. */
export const NOTIFICATION_EVENTS = [
  'BATCH_VERDICT',
  'LEAD_SOLD',
  'ORDER_PAID',
  'RETURN_OPENED',
  'RETURN_DECIDED',
  'PAYOUT_SENT',
  'PAYOUT_FAILED',
  'DELIVERY_FAILING',
  'CAMPAIGN_BUDGET_REACHED',
  'CAMPAIGN_DAILY_CAP_REACHED',
  'WALLET_LOW',
  'OPERATOR_DISPUTE_OPENED',
  'OPERATOR_SELLER_SUSPENDED',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** PENDING until the SMTP server accepted it (SENT) or it failed for good (FAILED, with last_error). */
export const NOTIFICATION_EMAIL_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationEmailStatus = (typeof NOTIFICATION_EMAIL_STATUSES)[number];

// the notification centre: what a user sees in the app (read_at null = unread)
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    event: text('event').$type<NotificationEvent>().notNull(),
    eventKey: text('event_key').notNull(),
    // the template's facts: ids, counts, amounts, segment; never a lead's contact data
    data: jsonb('data').notNull(),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_event_user_uq').on(t.eventKey, t.userId),
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`),
  ],
);

// the e-mail outbox. claimed_at: a sender took the row (attempts counts the claims); a claim older than the claim
// timeout is taken to be a crashed sender's and the row may be claimed again (notification-email.rules.ts).
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    event: text('event').$type<NotificationEvent>().notNull(),
    eventKey: text('event_key').notNull(),
    data: jsonb('data').notNull(),
    status: text('status').$type<NotificationEmailStatus>().notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: ts('claimed_at'),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    // the SMTP server's answer (reply code and kind), never the address or the text
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notification_outbox_event_user_uq').on(t.eventKey, t.userId),
    index('notification_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'PENDING'`),
  ],
);

// a user's choice per event; no row = the default (e-mail and in-app on)
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    event: text('event').$type<NotificationEvent>().notNull(),
    email: boolean('email').notNull(),
    inApp: boolean('in_app').notNull(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event] })],
);
