// What a failed HTTP request was, as the client should hear it: body-parser and graphql-upload fail with
// http-errors (`status`, `expose`, `type`) that are the client's mistake, and must be a 4xx with a code.
// Anything else is ours: a 500 with no internals.

export interface HttpErrorAnswer {
  status: number;
  code: string;
  message: string;
}

const CODE_BY_STATUS: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED' };

// body-parser's error types, in words a client can act on
const MESSAGE_BY_TYPE: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON; a GraphQL request is a JSON object like {"query": "…"}',
  'entity.too.large': 'The request body is larger than this endpoint accepts',
  'encoding.unsupported': 'The request body uses a content encoding this server does not read',
  'charset.unsupported': 'The request body uses a charset this server does not read; send UTF-8',
  'request.aborted': 'The request was aborted before its body arrived',
  'request.size.invalid': 'The request body is not the size its Content-Length says',
};

export const INTERNAL_ERROR: HttpErrorAnswer = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; it has been logged.' };

/** The 4xx answer for a client's mistake, or null when the error is ours. */
export function clientErrorAnswer(err: unknown): HttpErrorAnswer | null {
  const e = err as { status?: unknown; statusCode?: unknown; expose?: unknown; type?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : NaN;
  // 499 is graphql-upload's "client went away": nobody is listening, but it is still not our fault
  if (!(status >= 400 && status < 500)) return null;
  const answerStatus = status === 499 ? 400 : status;
  const known = typeof e.type === 'string' ? MESSAGE_BY_TYPE[e.type] : undefined;
  const message = known ?? (e.expose === true && typeof e.message === 'string' ? e.message : 'The request is not one this server can read');
  return { status: answerStatus, code: CODE_BY_STATUS[answerStatus] ?? 'BAD_REQUEST', message };
}
