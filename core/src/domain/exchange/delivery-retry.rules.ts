// When a refused delivery is tried again, and what of the endpoint's answer is kept: pure, beside the queue's backoff.

/** What is kept of an endpoint's answer, per attempt: enough to see an error message, never a whole page. */
export const RESPONSE_BODY_BYTES = 2048;

/**
 * The queue retries with exponential backoff (job-queues.ts: `delay × 2^(n−1)` after the n-th attempt of a job),
 * so after attempt `jobAttempt` the next one is due `base × 2^(jobAttempt−1)` later.
 */
export function nextRetryAt(now: Date, baseMs: number, jobAttempt: number): Date {
  return new Date(now.getTime() + baseMs * 2 ** Math.max(0, jobAttempt - 1));
}

/** The first RESPONSE_BODY_BYTES of an answer as text, without NULs (Postgres text refuses them); null when empty. */
export function keptResponseBody(body: Uint8Array | null | undefined): string | null {
  if (!body || body.length === 0) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(0, RESPONSE_BODY_BYTES));
  // a multi-byte character cut at the limit decodes as U+FFFD: drop it
  return text.replaceAll('\u0000', '').replace(/\uFFFD$/, '');
}
