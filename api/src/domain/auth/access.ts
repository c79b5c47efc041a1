// Who is calling, and the checks every domain function uses to decide what they may do.
import { DomainError } from '../shared/domain-error';

export type Role = 'SELLER' | 'BUYER' | 'OPERATOR';

export interface Actor {
  userId: string | null; // null for API-key calls
  organizationId: string;
  role: Role;
  via: 'session' | 'apiKey';
  apiKeyId?: string;
  sessionId?: string;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('NOT_SIGNED_IN', 'Sign in first');
  return actor;
}

export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  const a = requireActor(actor);
  if (!roles.includes(a.role)) throw new DomainError('ROLE_REQUIRED', `This needs the ${roles.join(' or ')} role`);
  return a;
}

export function requireUser(actor: Actor | null, ...roles: Role[]): Actor & { userId: string } {
  const a = roles.length ? requireRole(actor, ...roles) : requireActor(actor);
  if (!a.userId) throw new DomainError('ROLE_REQUIRED', 'This needs a signed-in user, not an API key');
  return a as Actor & { userId: string };
}
