// Stripe idempotency: a POST's Idempotency-Key (per API key) returns its first response for 24 hours;
// the same key with other parameters, or on another endpoint, is an `idempotency_error`.
import type { IdempotencyRecord } from './standin-objects';
import { StripeApiError } from './stripe-errors';
import type { StandinState } from './standin-state';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/** Parameters compared independently of key order, as decoded from the form body. */
export function fingerprintParams(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprintParams).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${fingerprintParams((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function idempotencyError(message: string): StripeApiError {
  return new StripeApiError(400, { type: 'idempotency_error', message }, false);
}

/** The earlier response to replay, or null to run the request; throws when the key is reused for something else. */
export function findIdempotentReplay(
  state: StandinState,
  scope: { apiKey: string; key: string; endpoint: string; fingerprint: string },
  now: Date,
): IdempotencyRecord | null {
  if (scope.key.length > MAX_KEY_LENGTH) {
    throw new StripeApiError(400, { type: 'invalid_request_error', message: `Idempotency keys can be no longer than ${MAX_KEY_LENGTH} characters.` }, false);
  }
  const id = `${scope.apiKey}\n${scope.key}`;
  const record = state.idempotency.get(id);
  if (!record) return null;
  if (now.getTime() - record.savedAt > IDEMPOTENCY_TTL_MS) {
    state.idempotency.delete(id);
    return null;
  }
  if (record.endpoint !== scope.endpoint) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${record.endpoint}' vs '${scope.endpoint}'). Try using a key other than '${scope.key}' if you meant to execute a different request.`,
    );
  }
  if (record.fingerprint !== scope.fingerprint) {
    throw idempotencyError(
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${scope.key}' if you meant to execute a different request.`,
    );
  }
  return record;
}

export function saveIdempotentResult(state: StandinState, apiKey: string, key: string, record: IdempotencyRecord): void {
  // the SDK keys every POST, so records pile up in a long-running dev server: drop the expired ones,
  // which sit at the front of the insertion-ordered map
  for (const [id, old] of state.idempotency) {
    if (record.savedAt - old.savedAt <= IDEMPOTENCY_TTL_MS) break;
    state.idempotency.delete(id);
  }
  state.idempotency.set(`${apiKey}\n${key}`, record);
}
