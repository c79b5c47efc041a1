// Sending the e-mail outbox: claim one due row, send it, mark it sent — one row at a time, so a claim never
// outlives the claim timeout while other rows wait behind it.
//
// Exactly once, and where it is only at least once: an SMTP server's "250 accepted" and our commit of SENT cannot
// be one atomic step. What is covered:
// - a rolled-back event wrote no row, so nothing is sent;
// - two senders never send the same row: the claim is one UPDATE over `FOR UPDATE SKIP LOCKED`, committed before
//   the send, and a claimed row is skipped until its claim is NOTIFICATION_CLAIM_TIMEOUT_MS (5 min) old;
// - a sender that dies before the server accepted the message (or after the row was marked) sends nothing twice:
//   the row is claimed again after the claim timeout and sent once.
// What is not: a sender that dies in the few milliseconds between the server's acceptance and the UPDATE to SENT
// leaves a claimed, unmarked row that is sent again after the claim timeout. That second copy carries the same
// Message-ID (the outbox id), which mail clients and many servers use to drop the duplicate.
import { schema, sql, type Db, type NotificationEvent } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { MailError } from '../../mail/mailer';
import { afterFailure, failureText, notificationMessageId } from './notification-email.rules';
import type { NotificationData } from './notification-events';
import { renderEmail, renderNotification } from './templates';

const { notificationOutbox, users } = schema;
export type OutboxRow = typeof notificationOutbox.$inferSelect;

/** Claims the next due, unclaimed (or stale-claimed) row and commits the claim; null when nothing is due. */
export async function claimNotificationEmail(db: Db, now: Date, claimTimeoutMs: number): Promise<OutboxRow | null> {
  const stale = new Date(now.getTime() - claimTimeoutMs);
  const due = db
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(
      and(
        eq(notificationOutbox.status, 'PENDING'),
        sql`${notificationOutbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz`,
        sql`(${notificationOutbox.claimedAt} IS NULL OR ${notificationOutbox.claimedAt} < ${stale.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(notificationOutbox.nextAttemptAt, notificationOutbox.id)
    .limit(1)
    .for('update', { skipLocked: true });
  const [claimed] = await db
    .update(notificationOutbox)
    .set({ claimedAt: now, attempts: sql`${notificationOutbox.attempts} + 1` })
    .where(sql`${notificationOutbox.id} = (${due})`)
    .returning();
  return claimed ?? null;
}

export type EmailOutcome = 'SENT' | 'RETRY' | 'FAILED';

/** Sends one claimed row and records the outcome. */
export async function sendClaimedEmail(deps: AppDeps, row: OutboxRow): Promise<EmailOutcome> {
  const [user] = await deps.db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, row.userId));
  const content = renderNotification(row.event, row.data as NotificationData[NotificationEvent]);
  const mail = renderEmail(content, deps.config.WEB_ORIGIN, user!.name);
  try {
    await deps.mailer.send({
      to: [user!.email],
      ...mail,
      headers: { 'Message-ID': notificationMessageId(row.id, deps.config.WEB_ORIGIN), 'X-Leadex-Notification': row.id, 'X-Leadex-Event': row.event },
    });
  } catch (err) {
    const failure = err instanceof MailError ? err : { kind: 'CONNECTION_FAILED' as const, responseCode: null };
    const next = afterFailure(row.attempts, failure, deps.clock());
    await deps.db
      .update(notificationOutbox)
      .set({
        status: next.status,
        lastError: failureText(failure),
        claimedAt: null,
        ...(next.status === 'PENDING' ? { nextAttemptAt: next.nextAttemptAt } : {}),
      })
      .where(and(eq(notificationOutbox.id, row.id), eq(notificationOutbox.status, 'PENDING')));
    deps.logger.warn({ notificationEmailId: row.id, event: row.event, attempts: row.attempts, error: failureText(failure) }, 'notification e-mail not sent');
    return next.status === 'FAILED' ? 'FAILED' : 'RETRY';
  }
  await markEmailSent(deps, row.id);
  return 'SENT';
}

/** The second half of a send: the server accepted the message. */
export async function markEmailSent(deps: Pick<AppDeps, 'db' | 'clock'>, id: string): Promise<void> {
  await deps.db
    .update(notificationOutbox)
    .set({ status: 'SENT', sentAt: deps.clock(), claimedAt: null, lastError: null })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, 'PENDING')));
}

/**
 * Sends every due row, one at a time, until none is left or `max` were tried. Safe to run twice at once and again
 * after a crash (see the module comment for the one window where a message can go out twice).
 */
export async function sendDueNotificationEmails(deps: AppDeps, max = 500): Promise<Record<EmailOutcome, number>> {
  const counts: Record<EmailOutcome, number> = { SENT: 0, RETRY: 0, FAILED: 0 };
  for (let i = 0; i < max; i++) {
    const row = await claimNotificationEmail(deps.db, deps.clock(), deps.config.NOTIFICATION_CLAIM_TIMEOUT_MS);
    if (!row) break;
    counts[await sendClaimedEmail(deps, row)]++;
  }
  return counts;
}
