// What one delivery attempt's result means for the buyer and for the retry schedule. The buyer sees one of a few
// fixed phrases, never a library's error text (which would tell them about our network).
import type { MailFailureKind } from '../../mail/mailer';
import { OUTBOUND_FAILURE_TEXT, type OutboundFailureKind } from '../shared/outbound/safe-fetch';

export type { DeliveryStatus } from '@leadex/db';

export type AttemptVerdict = { ok: true } | { ok: false; error: string; retry: boolean };

/** A 2xx is accepted; anything else (a 3xx too: redirects are never followed) is a refusal worth retrying. */
export function judgeAnswer(httpStatus: number): AttemptVerdict {
  if (httpStatus >= 200 && httpStatus < 300) return { ok: true };
  const note = httpStatus >= 300 && httpStatus < 400 ? ' (redirects are not followed)' : '';
  return { ok: false, error: `refused by the endpoint: HTTP ${httpStatus}${note}`, retry: true };
}

/** No answer at all. An address we refuse stays refused, so retrying it for a day would only repeat the refusal. */
export function judgeFailure(kind: OutboundFailureKind): AttemptVerdict {
  return { ok: false, error: OUTBOUND_FAILURE_TEXT[kind], retry: kind !== 'ADDRESS_NOT_ALLOWED' };
}

/** The mail server did not take an EMAIL delivery: retried like an HTTP refusal (a full mailbox may empty). */
export function judgeMailFailure(kind: MailFailureKind, responseCode: number | null): AttemptVerdict {
  const error = kind === 'REFUSED' ? `refused by the mail server: SMTP ${responseCode}` : kind === 'TIMED_OUT' ? 'timed out' : 'connection failed';
  return { ok: false, error, retry: true };
}

export const CANCELLED_BECAUSE = {
  replaced: 'cancelled: the webhook endpoint was replaced',
  removed: 'cancelled: the webhook endpoint was removed',
  inactive: 'cancelled: the webhook endpoint is no longer active',
} as const;
