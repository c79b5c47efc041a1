// API keys reach only the root fields of lead submission and lead reading; every other field, public ones
// included, is refused before any resolver runs. Which key may do which is decided by the scopes, in the domain
// (requireScope): this gate only keeps a new or public field closed to keys until it is named here.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import type { GqlContext } from './context';

export const API_KEY_ROOT_FIELDS: ReadonlySet<string> = new Set([
  // leads:write
  'submitLeads',
  'importLeadsCsv',
  'ping',
  'post',
  // leads:read
  'myListings',
  'lead',
  'mySales',
  '__typename',
]);

/** The root field names an operation selects, through inline fragments and fragment spreads. */
export function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s.name.value];
    if (s.kind === Kind.INLINE_FRAGMENT) return rootFields(s.selectionSet, document, seen);
    // validation has already refused fragment cycles; `seen` keeps a repeated spread from being walked twice
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
    return fragment && fragment.kind === Kind.FRAGMENT_DEFINITION ? rootFields(fragment.selectionSet, document, seen) : [];
  });
}

export function apiKeyGatePlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.actor?.via !== 'apiKey' || !operation) return;
          const refused = rootFields(operation.selectionSet, document).find((f) => !API_KEY_ROOT_FIELDS.has(f));
          if (refused) throw new DomainError('ROLE_REQUIRED', `API keys cannot use ${refused}; it needs a signed-in user`);
        },
      };
    },
  };
}
