import { keptResponseBody, nextRetryAt, RESPONSE_BODY_BYTES } from './delivery-retry.rules';

describe('delivery retries', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('follows the queue’s exponential backoff', () => {
    expect(nextRetryAt(now, 45_000, 1).toISOString()).toBe('2026-12-03T12:00:45.000Z');
    expect(nextRetryAt(now, 45_000, 3).toISOString()).toBe('2026-12-03T12:03:00.000Z');
  });

  it('keeps the first 2 KB of an answer as text, without NULs or a cut character', () => {
    expect(keptResponseBody(Buffer.from('{"error":"bad sig\u0000nature"}'))).toBe('{"error":"bad signature"}');
    expect(keptResponseBody(Buffer.alloc(0))).toBeNull();
    const long = Buffer.from('é'.repeat(RESPONSE_BODY_BYTES));
    const kept = keptResponseBody(long)!;
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(RESPONSE_BODY_BYTES);
    expect(kept.endsWith('é')).toBe(true);
  });
});
