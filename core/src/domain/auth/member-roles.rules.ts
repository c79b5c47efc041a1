// What each member role of an organisation may do (issue 16, teams), and the rules of changing the team.
// The organisation's kind (SELLER, BUYER, PLATFORM: Actor.role) decides WHICH functions exist for a user;
// the member role decides whether this member may use them. Pure: no database, no clock.
import type { MemberRole } from '@leadex/db';

export { MEMBER_ROLES, type MemberRole } from '@leadex/db';

/**
 * READ       every query of the organisation's own data
 * TRADE      the day-to-day work: buy (orders, checkout), list (submit, import, withdraw, erase, ping/post,
 *            consent origins), campaigns, disputes and answers to them, lead outcomes, suppression lists,
 *            redelivery and test deliveries; for operators, casework (disputes, verification, suspensions)
 * MONEY      money and integration settings: the payout account, wallet top-ups, API keys, where leads are
 *            delivered (webhook and delivery endpoints and their signing secrets); for operators, platform
 *            settings (prices, commissions, return and segment policies, settlement runs)
 * MEMBERS    invite, revoke invitations, change roles, remove members (owners excepted)
 * OWNERSHIP  make, demote or remove owners; invite owners
 */
export const CAPABILITIES = ['READ', 'TRADE', 'MONEY', 'MEMBERS', 'OWNERSHIP'] as const;
export type Capability = (typeof CAPABILITIES)[number];

const GRANTS: Record<MemberRole, readonly Capability[]> = {
  OWNER: ['READ', 'TRADE', 'MONEY', 'MEMBERS', 'OWNERSHIP'],
  ADMIN: ['READ', 'TRADE', 'MONEY', 'MEMBERS'],
  MEMBER: ['READ', 'TRADE'],
  VIEWER: ['READ'],
};

/** API keys act for their organisation at MEMBER level: they trade (within their scopes), never change settings. */
export const API_KEY_MEMBER_ROLE: MemberRole = 'MEMBER';

/** an invitation link works this long */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export function capabilitiesOf(role: MemberRole): readonly Capability[] {
  return GRANTS[role];
}

export function hasCapability(role: MemberRole, capability: Capability): boolean {
  return GRANTS[role].includes(capability);
}

/** The least role that has the capability, for the refusal's message. */
export function leastRoleWith(capability: Capability): MemberRole {
  const order: MemberRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];
  return order.find((r) => hasCapability(r, capability))!;
}

export type TeamRefusal = { code: 'MEMBER_ROLE_REQUIRED' | 'LAST_OWNER'; message: string };

const needs = (capability: Capability, what: string): TeamRefusal => ({
  code: 'MEMBER_ROLE_REQUIRED',
  message: `Only ${leastRoleWith(capability) === 'OWNER' ? 'an owner' : 'an owner or admin'} can ${what}`,
});

/** Whether a member with `actor` role may invite someone as `invited`: MEMBERS, and OWNERSHIP for an owner. */
export function inviteRefusal(actor: MemberRole, invited: MemberRole): TeamRefusal | null {
  if (!hasCapability(actor, 'MEMBERS')) return needs('MEMBERS', 'invite members');
  if (invited === 'OWNER' && !hasCapability(actor, 'OWNERSHIP')) return needs('OWNERSHIP', 'invite an owner');
  return null;
}

export type MemberChange = { kind: 'CHANGE_ROLE'; to: MemberRole } | { kind: 'REMOVE' };

export interface MemberChangeFacts {
  actor: MemberRole;
  /** the actor changes themselves (a REMOVE of oneself is leaving) */
  self: boolean;
  target: MemberRole;
  change: MemberChange;
  /** owners the organisation has now, the target included */
  owners: number;
}

/**
 * Why a change of a member's role or a removal is refused, or null. Anyone may leave; everything else needs
 * MEMBERS, and touching an owner (or making one) needs OWNERSHIP. Whatever the actor may do, the last owner
 * can neither leave, be removed nor be demoted: an organisation always has someone who holds its money settings.
 */
export function memberChangeRefusal(f: MemberChangeFacts): TeamRefusal | null {
  const leaving = f.self && f.change.kind === 'REMOVE';
  if (!leaving) {
    if (!hasCapability(f.actor, 'MEMBERS')) return needs('MEMBERS', 'change or remove members');
    const touchesOwner = f.target === 'OWNER' || (f.change.kind === 'CHANGE_ROLE' && f.change.to === 'OWNER');
    if (touchesOwner && !hasCapability(f.actor, 'OWNERSHIP')) return needs('OWNERSHIP', 'make, demote or remove an owner');
  }
  const losesOwner = f.target === 'OWNER' && (f.change.kind === 'REMOVE' || f.change.to !== 'OWNER');
  if (losesOwner && f.owners <= 1) {
    return { code: 'LAST_OWNER', message: 'The organisation needs an owner: make another member an owner first' };
  }
  return null;
}

export type InvitationState = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

export function invitationState(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (inv.acceptedAt) return 'ACCEPTED';
  if (inv.revokedAt) return 'REVOKED';
  return inv.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'PENDING';
}
