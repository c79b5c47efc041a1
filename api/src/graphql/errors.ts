// The one place errors become API answers: domain codes → `extensions.code`, everything else hidden.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { DomainError } from '../domain/shared/domain-error';

// Apollo's own codes for requests that never reached a resolver; to clients they are bad input.
const CLIENT_MISTAKES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);
const PASS_THROUGH = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'NOT_FOUND', 'CONFLICT', 'PAYMENT_REQUIRED']);

// graphql-js names the offending input only in its message: `Variable "$input" got invalid value … at "input[0].capturedAt"; …`
function inputPath(formatted: GraphQLFormattedError): string {
  const at = /Variable "\$\w+" got invalid value .*? at "([^"]+)"/s.exec(formatted.message);
  if (at) return at[1]!;
  const variable = /Variable "\$(\w+)"/.exec(formatted.message);
  if (variable) return variable[1]!;
  const argument = /[Aa]rgument "(\w+)"/.exec(formatted.message);
  return argument?.[1] ?? formatted.path?.join('.') ?? '';
}

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.category,
          reason: original.code,
          ...(original.fields.length ? { fields: original.fields } : {}),
        },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (CLIENT_MISTAKES.has(code)) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT', reason: code, fields: [{ path: inputPath(formatted), message: formatted.message }] } };
    }
    if (PASS_THROUGH.has(code)) return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return { message: 'Something went wrong on our side; it has been logged.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
