// The id that ties a request's log lines together. A client's own `x-request-id` is kept only when it is a
// short token: it is echoed in a response header and written into every log line, so arbitrary text there
// would be log injection (newlines, fake fields) or a megabyte of noise.
import { randomUUID } from 'node:crypto';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isSafeRequestId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value);
}

/** The client's id when it is safe, otherwise a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return isSafeRequestId(header) ? header : randomUUID();
}
