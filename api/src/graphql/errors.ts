// The one place errors become API answers: domain codes → `extensions.code`, everything else hidden.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { DomainError } from '@leadex/core/domain/shared/domain-error';

// Apollo's own codes for operations that never reached a resolver; to clients they are bad input (with fields).
const CLIENT_MISTAKES = new Set([
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'INTROSPECTION_DISABLED',
  'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
]);
// A document that is not GraphQL keeps its own code; a request that is not a GraphQL request (no query, batching,
// a GET mutation, a blocked CSRF attempt) is BAD_REQUEST.
const PROTOCOL_MISTAKES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
};
const PASS_THROUGH = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'NOT_FOUND', 'CONFLICT', 'PAYMENT_REQUIRED', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE']);

// graphql-js names the offending input only in its message: `Variable "$input" got invalid value … at "input[0].capturedAt"; …`
function inputPath(formatted: GraphQLFormattedError): string {
  const at = /Variable "\$\w+" got invalid value .*? at "([^"]+)"/s.exec(formatted.message);
  if (at) return at[1]!;
  const variable = /Variable "\$(\w+)"/.exec(formatted.message);
  if (variable) return variable[1]!;
  const argument = /[Aa]rgument "(\w+)"/.exec(formatted.message);
  return argument?.[1] ?? formatted.path?.join('.') ?? '';
}

// Resolver errors come wrapped with a path; errors thrown by plugins (the safe-text check) without one.
function originalOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  return unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
}

// http-errors (graphql-upload's: a file missing from the multipart request, over maxFileSize, a client gone
// mid-upload) say whether their message is meant for the client
function clientHttpError(err: unknown): { status: number; message: string } | null {
  const e = err as { status?: unknown; expose?: unknown; message?: unknown } | null;
  if (!e || typeof e.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return null;
  return { status: e.status, message: String(e.message) };
}

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.category,
          reason: original.code,
          ...(original.fields.length ? { fields: original.fields } : {}),
          ...(original.retryAfter != null ? { retryAfter: original.retryAfter } : {}),
        },
      };
    }
    const upload = clientHttpError(original);
    if (upload) {
      return { message: upload.message, path: formatted.path, extensions: { code: upload.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (CLIENT_MISTAKES.has(code)) {
      const fields = formatted.extensions?.fields ?? [{ path: inputPath(formatted), message: formatted.message }];
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', reason: code, fields } };
    }
    if (PROTOCOL_MISTAKES[code]) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: PROTOCOL_MISTAKES[code], ...(code !== PROTOCOL_MISTAKES[code] ? { reason: code } : {}) },
      };
    }
    if (PASS_THROUGH.has(code)) return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return { message: 'Something went wrong on our side; it has been logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
