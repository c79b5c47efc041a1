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

type Reset = () => Client;

const ResetContext = createContext<Reset | null>(null);

export function GraphqlProvider({
  children,
  client: given,
  createClient = createGraphqlClient,
}: {
  children: ReactNode;
  client?: Client;
  createClient?: () => Client;
}) {
  const [client, setClient] = useState(() => given ?? createClient());
  const reset = useCallback(() => {
    const next = createClient();
    setClient(next);
    return next;
  }, [createClient]);
  const value = useMemo(() => reset, [reset]);
  return (
    <ResetContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </ResetContext.Provider>
  );
}

/**
 * Drops every cached answer (after sign-in / sign-out): the provider switches to a new client, which
 * is returned so the caller can load what the next page needs (e.g. `me`) before navigating.
 */
export function useResetGraphqlCache(): Reset {
  const reset = useContext(ResetContext);
  if (!reset) throw new Error('useResetGraphqlCache needs a <GraphqlProvider>');
  return reset;
}
