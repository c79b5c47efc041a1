// An operator signed in without TOTP where it is required (REQUIRE_OPERATOR_2FA) holds a session that may only
// enrol: every root field but these is refused before any resolver runs, with TWO_FACTOR_ENROLMENT_REQUIRED.
// A new field is closed to such a session until it is named here. (The REST routes refuse such a session
// outright: resolve-actor.ts.)
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { rootFields } from './api-key-gate.plugin';
import type { GqlContext } from './context';

export const ENROLMENT_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'me',
  'platform',
  'twoFactorStatus',
  'startTotpEnrolment',
  'confirmTotpEnrolment',
  'mySessions',
  'revokeSession',
  'signOut',
  'signOutEverywhere',
  'resendEmailVerification',
  'verifyEmail',
  '__typename',
]);

export function twoFactorGatePlugin(): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!contextValue.actor?.twoFactorEnrolmentRequired || !operation) return;
          const refused = rootFields(operation.selectionSet, document).find((f) => !ENROLMENT_ROOT_FIELDS.has(f));
          if (refused) {
            throw new DomainError('TWO_FACTOR_ENROLMENT_REQUIRED', `Set up two-factor sign-in first (startTotpEnrolment); ${refused} is closed until then`);
          }
        },
      };
    },
  };
}
