// Who is signed in (the `me` query), shared by the header, the navigation and the route guards.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Client } from '@urql/core';
import { useQuery } from 'urql';
import type { MeQuery as TMe, Role } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { MeQuery } from './auth.operations';

export type SessionUser = NonNullable<TMe['me']>;

export interface Session {
  user: SessionUser | null;
  /** true until the first answer */
  loading: boolean;
  error: ApiError | null;
}

const SessionContext = createContext<Session>({ user: null, loading: true, error: null });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [result] = useQuery({ query: MeQuery, requestPolicy: 'cache-and-network' });
  const session = useMemo<Session>(
    () => ({
      user: result.data?.me ?? null,
      // `stale`/`fetching` without data of this client yet: still loading, not signed out
      loading: !result.error && (!result.data || (result.fetching && result.data.me == null)),
      error: apiErrorFromGraphql(result.error),
    }),
    [result.data, result.error, result.fetching],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** After sign-in or sign-up: a fresh client (no cached answers of the previous user) with `me` loaded. */
export async function startSession(reset: () => Client): Promise<void> {
  await reset().query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
}

/** Where a user lands after signing in. */
export function homePathFor(role: Role | null | undefined): string {
  switch (role) {
    case 'SELLER':
      return '/seller/listings';
    case 'OPERATOR':
      return '/operator/disputes';
    case 'BUYER':
      return '/marketplace';
    default:
      return '/sign-in';
  }
}

/** Only same-site paths are followed after sign-in (never an absolute URL from the query string). */
export function safeNextPath(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}
