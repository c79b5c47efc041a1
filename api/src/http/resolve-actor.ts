// Who is calling: `Authorization: Bearer <session token>`, `Authorization: ApiKey <key>`, or the session cookie.
import type { Request } from 'express';
import type { AppDeps } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { actorFromApiKey, actorFromSessionToken } from '@leadex/core/domain/auth/auth.service';
import { withTwoFactorGate } from '@leadex/core/domain/auth/two-factor.service';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { readSessionCookie } from './session-cookie';

async function sessionActor(deps: AppDeps, req: Request): Promise<Actor | null> {
  const header = req.get('authorization');
  if (header) {
    const [scheme, value] = header.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'bearer' && value) {
      const actor = await actorFromSessionToken(deps, value);
      if (!actor) throw new DomainError('SESSION_EXPIRED', 'The token is unknown or expired; sign in again');
      return actor;
    }
    if (scheme?.toLowerCase() === 'apikey' && value) return actorFromApiKey(deps, value);
    throw new DomainError('NOT_SIGNED_IN', 'Use "Authorization: Bearer <token>" or "Authorization: ApiKey <key>"');
  }
  const cookie = readSessionCookie(req);
  return cookie ? actorFromSessionToken(deps, cookie) : null;
}

/**
 * Explicit credentials that are wrong are refused (401); a stale cookie just means "signed out". A session that
 * may only enrol in two-factor sign-in (an operator without TOTP where it is required) is refused with
 * TWO_FACTOR_ENROLMENT_REQUIRED unless the caller lets it through (`enrolmentOnly`: GraphQL, whose gate plugin
 * opens the enrolment fields to it). The actor carries the request's id for the audit log.
 */
export async function resolveActor(deps: AppDeps, req: Request, options: { enrolmentOnly?: 'allow' | 'refuse' } = {}): Promise<Actor | null> {
  const actor = await withTwoFactorGate(deps, await sessionActor(deps, req));
  if (actor?.twoFactorEnrolmentRequired && options.enrolmentOnly !== 'allow') {
    throw new DomainError('TWO_FACTOR_ENROLMENT_REQUIRED', 'Set up two-factor sign-in first (in the web app: Security)');
  }
  // the request's id (pino-http's `req.id`, request-id.ts) goes with the actor, so its audit entries name the request
  return actor && req.id != null ? { ...actor, requestId: String(req.id) } : actor;
}
