// notifications: send every due notification e-mail from the outbox (after an event commits, and as a sweep on a
// schedule, which also sends rows whose enqueue was lost and retries failed ones when their backoff is over).
import { QUEUE, type AppDeps } from '@leadex/core';
import { sendDueNotificationEmails } from '@leadex/core/domain/notifications/send-notification-emails';

export const notificationsJob = {
  queue: QUEUE.notifications,
  concurrency: 1,
  // Safe twice, and at once: each row is claimed before it is sent and marked SENT after, so a second run finds
  // nothing to send; a run killed mid-way leaves at most one claimed row, sent again after the claim timeout (the
  // module comment of send-notification-emails.ts says when that can duplicate a message).
  async run(deps: AppDeps) {
    return sendDueNotificationEmails(deps);
  },
};
