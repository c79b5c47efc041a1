// The deployment's currency and its minor-unit digits, read once from the API (`platform`) and given to
// every page: sums and form checks in lib/money.ts take the digits from here, never from a guess.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { apiErrorFromGraphql } from './api-errors';
import { ErrorMessage, Loading } from './ui/feedback';

export const PlatformQuery = graphql(`
  query Platform {
    platform {
      currency
      minorUnitDigits
    }
  }
`);

export interface Platform {
  /** ISO 4217 code every amount of this deployment is in */
  currency: string;
  /** digits after the decimal point of every amount (USD 2, JPY 0, TND 3) */
  minorUnitDigits: number;
}

const PlatformContext = createContext<Platform | null>(null);

/**
 * Loads `platform` and renders its children once it is known. The answer is kept when the GraphQL client is
 * replaced (sign-in and sign-out start a new client): it is the same for everyone, so pages never blink.
 */
export function PlatformProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: PlatformQuery, requestPolicy: 'cache-first' });
  const answer = result.data?.platform ?? null;
  const [platform, setPlatform] = useState<Platform | null>(answer);
  useEffect(() => {
    if (answer && (answer.currency !== platform?.currency || answer.minorUnitDigits !== platform?.minorUnitDigits)) {
      setPlatform({ currency: answer.currency, minorUnitDigits: answer.minorUnitDigits });
    }
  }, [answer, platform]);
  const known = platform ?? answer;
  if (known) return <PlatformContext.Provider value={known}>{children}</PlatformContext.Provider>;
  const error = apiErrorFromGraphql(result.error);
  if (!error) return <Loading label="Loading…" />;
  return (
    <div className="page">
      <ErrorMessage error={error} title="Leadex could not be reached" />
      <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
        Try again
      </button>
    </div>
  );
}

/** A known platform for its children, without asking the API (component tests). */
export function PlatformValueProvider({ value, children }: { value: Platform; children: ReactNode }) {
  return <PlatformContext.Provider value={value}>{children}</PlatformContext.Provider>;
}

/** The deployment's currency and digits; only inside a <PlatformProvider>. */
export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform needs a <PlatformProvider>');
  return platform;
}
