// The HTTP status of a GraphQL answer that carries no data: Apollo answers 500 for errors thrown before
// execution (in plugins such as the safe-text check) and 200 when a resolver refused the whole operation.
// A client mistake must read as one on the wire too: 413 for too large, 400 for a broken request.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

const STATUS_BY_CODE: [code: string, status: number][] = [
  ['PAYLOAD_TOO_LARGE', 413],
  ['BAD_REQUEST', 400],
];
// codes that are the client's to fix; when Apollo defaulted to 500 for them, 400 is the truth
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYMENT_REQUIRED',
]);

/** The status for a response with these errors and no data, or null to keep what Apollo chose. */
export function statusForErrors(errors: readonly GraphQLFormattedError[], current: number | undefined): number | null {
  // Apollo's own client statuses (405 for a mutation over GET, 400 for a parse error) are already right
  if (current && current >= 400 && current < 500) return null;
  const codes = errors.map((e) => String(e.extensions?.code ?? ''));
  for (const [code, status] of STATUS_BY_CODE) if (codes.includes(code)) return status;
  if (current === 500 && codes.length && codes.every((c) => CLIENT_CODES.has(c))) return 400;
  return null;
}

export function httpStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.length || data != null) return;
          const status = statusForErrors(errors, response.http.status);
          if (status) response.http.status = status;
        },
      };
    },
  };
}
