// Who is calling, and the checks every domain function uses to decide what they may do.
import { DomainError } from '../shared/domain-error';
import { hasCapability, leastRoleWith, type Capability, type MemberRole } from './member-roles.rules';

export type { Capability, MemberRole } from './member-roles.rules';

export type Role = 'SELLER' | 'BUYER' | 'OPERATOR';

/** What a seller's API key may do: `leads:write` (submit, ping/post, CSV import) and opt-in `leads:read`. */
export const API_KEY_SCOPES = ['leads:write', 'leads:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface Actor {
  userId: string | null; // null for API-key calls
  organizationId: string;
  role: Role;
  via: 'session' | 'apiKey';
  apiKeyId?: string;
  /** API keys only: a session may do whatever its role allows */
  scopes?: readonly ApiKeyScope[];
  sessionId?: string;
  /** the HTTP request this actor made (api/src/http/resolve-actor.ts): audit entries carry it */
  requestId?: string;
  /** an operator's session without TOTP where it is required: it may only enrol (api two-factor gate) */
  twoFactorEnrolmentRequired?: boolean;
  /**
   * The member's role inside the organisation (teams, issue 16): set on every actor made from a session
   * (the user's role) or an API key (MEMBER). Absent only on actors the code builds for itself (seed data,
   * the demo form, tests), which act as the organisation's owner.
   */
  memberRole?: MemberRole;
}

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('NOT_SIGNED_IN', 'Sign in first');
  return actor;
}

function notAnApiKey(actor: Actor): Actor {
  // API keys reach only the functions that name a scope (requireScope); a new function is closed to them by default
  if (actor.via === 'apiKey') throw new DomainError('ROLE_REQUIRED', 'This needs a signed-in user, not an API key');
  return actor;
}

function withRole(a: Actor, roles: Role[]): Actor {
  if (roles.length && !roles.includes(a.role)) throw new DomainError('ROLE_REQUIRED', `This needs the ${roles.join(' or ')} role`);
  return a;
}

/** A signed-in user (any role); API keys are refused. */
export function requireActor(actor: Actor | null): Actor {
  return notAnApiKey(signedIn(actor));
}

/** A signed-in user with one of the roles; API keys are refused. */
export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  return withRole(requireActor(actor), roles);
}

export function requireUser(actor: Actor | null, ...roles: Role[]): Actor & { userId: string } {
  const a = withRole(requireActor(actor), roles);
  if (!a.userId) throw new DomainError('ROLE_REQUIRED', 'This needs a signed-in user, not an API key');
  return a as Actor & { userId: string };
}

/** A signed-in user with one of the roles, or an API key that carries `scope` (and has the role). */
export function requireScope(actor: Actor | null, scope: ApiKeyScope, ...roles: Role[]): Actor {
  const a = withRole(signedIn(actor), roles);
  if (a.via === 'apiKey' && !a.scopes?.includes(scope)) {
    throw new DomainError('API_KEY_SCOPE_REQUIRED', `This API key lacks the ${scope} scope; create a key with it`);
  }
  return a;
}

/**
 * The member's role allows the capability (member-roles.rules.ts); call it after the role check, in the
 * domain function of every mutation, so a VIEWER changes nothing and a MEMBER no money settings.
 */
export function requireCapability<A extends Actor>(actor: A, capability: Capability): A {
  if (!hasCapability(actor.memberRole ?? 'OWNER', capability)) {
    const least = leastRoleWith(capability);
    const who = least === 'OWNER' ? 'an owner' : least === 'ADMIN' ? 'an owner or admin' : 'a member, admin or owner';
    throw new DomainError('MEMBER_ROLE_REQUIRED', `Your role in the organisation does not allow this: it needs ${who}`);
  }
  return actor;
}
