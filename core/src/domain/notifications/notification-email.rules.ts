// When a notification e-mail may be (re)claimed, how long to wait after a failure, when to give up, and the
// Message-ID that names it: pure, so the sender and its tests share one set of rules.
import type { MailFailureKind } from '../../mail/mailer';

/** Attempts (claims) before a row that keeps failing for a temporary reason is FAILED for good. */
export const MAX_EMAIL_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min … after the first, second, third failed attempt, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export type AfterFailure = { status: 'FAILED' } | { status: 'PENDING'; nextAttemptAt: Date };

/** A 5xx answer (the server refused the address or the message) is permanent; anything else is retried until the last attempt. */
export function afterFailure(attempts: number, failure: { kind: MailFailureKind; responseCode: number | null }, now: Date): AfterFailure {
  const permanent = failure.kind === 'REFUSED' && failure.responseCode != null && failure.responseCode >= 500;
  if (permanent || attempts >= MAX_EMAIL_ATTEMPTS) return { status: 'FAILED' };
  return { status: 'PENDING', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** The phrase kept in last_error: the kind and the server's reply code, never an address or the text. */
export function failureText(failure: { kind: MailFailureKind; responseCode: number | null }): string {
  return failure.responseCode ? `${failure.kind} (SMTP ${failure.responseCode})` : failure.kind;
}

/**
 * The Message-ID of an outbox row's e-mail: the same on every attempt, so a message sent twice (a crash after the
 * server accepted it and before the row was marked) is one message to every mail client that deduplicates on it.
 */
export function notificationMessageId(outboxId: string, webOrigin: string): string {
  return `<${outboxId}@${new URL(webOrigin).hostname || 'leadex.local'}>`;
}

/** A user's choice for one event; no stored choice is e-mail and in-app both on. */
export function channelsWanted(preference: { email: boolean; inApp: boolean } | undefined): { email: boolean; inApp: boolean } {
  return preference ? { email: preference.email, inApp: preference.inApp } : { email: true, inApp: true };
}
