// Who is calling: `Authorization: Bearer <session token>`, `Authorization: ApiKey <key>`, or the session cookie.
import type { Request } from 'express';
import type { AppDeps } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { actorFromApiKey, actorFromSessionToken } from '@leadex/core/domain/auth/auth.service';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { readSessionCookie } from './session-cookie';

/** Explicit credentials that are wrong are refused (401); a stale cookie just means "signed out". */
export async function resolveActor(deps: AppDeps, req: Request): Promise<Actor | null> {
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
