// The urql client (POST /graphql with the session cookie) and a provider that can start over with an
// empty cache, which signing in or out needs: cached answers belong to the previous user.
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';

export function createGraphqlClient(options: { url?: string; fetch?: typeof fetch } = {}): Client {
  return new Client({
    url: options.url ?? '/graphql',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    exchanges: [cacheExchange, fetchExchange],
    // always POST JSON: Apollo's CSRF prevention refuses simple GET requests without a preflight header
    preferGetMethod: false,
    fetchOptions: { credentials: 'include' },
    requestPolicy: 'cache-and-network',
  });
}

const ResetContext = createContext<() => void>(() => {});

export function GraphqlProvider({ children, client: given }: { children: ReactNode; client?: Client }) {
  const [client, setClient] = useState(() => given ?? createGraphqlClient());
  const reset = useCallback(() => setClient(createGraphqlClient()), []);
  const value = useMemo(() => reset, [reset]);
  return (
    <ResetContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </ResetContext.Provider>
  );
}

/** Drops every cached answer and re-runs the mounted queries (after sign-in / sign-out). */
export function useResetGraphqlCache(): () => void {
  return useContext(ResetContext);
}
