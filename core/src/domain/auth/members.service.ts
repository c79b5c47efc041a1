// An organisation's members (teams, issue 16): the list, role changes and removals. Who may do what is in
// member-roles.rules.ts; every change runs under a lock of the organisation's row, so two owners demoting
// each other at once cannot leave it without one.
import { recordMemberAudit } from '../audit/record-audit';
import { schema, type Db } from '@leadex/db';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/validation';
import { requireActor, requireUser, type Actor } from './access';
import { MEMBER_ROLES, memberChangeRefusal, type MemberChange, type MemberRole } from './member-roles.rules';

const { organizations, users, sessions } = schema;

export interface MemberView {
  id: string;
  email: string;
  name: string;
  memberRole: MemberRole;
  createdAt: Date;
}

const memberColumns = { id: users.id, email: users.email, name: users.name, memberRole: users.memberRole, createdAt: users.createdAt };

/** The signed-in user's organisation's members, oldest first; every member (a VIEWER too) may read it. */
export async function listMembers(deps: AppDeps, actor: Actor | null): Promise<MemberView[]> {
  const a = requireActor(actor);
  return deps.db
    .select(memberColumns)
    .from(users)
    .where(and(eq(users.organizationId, a.organizationId), isNull(users.removedAt)))
    .orderBy(asc(users.createdAt), asc(users.id));
}

const ZUserId = z.string().trim().min(1).max(64);

/**
 * Locks the organisation, reads the actor's current role (not the one their session started with) and the
 * target, and refuses the change per the rules. The platform's operators are managed by the CLI, not here.
 */
async function checkedChange(tx: Db, actor: Actor | null, rawUserId: string, change: MemberChange) {
  const a = requireUser(actor, 'SELLER', 'BUYER');
  const userId = parseInput(ZUserId, rawUserId, 'userId');
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, a.organizationId)).for('no key update');
  const inOrg = (id: string) => and(eq(users.id, id), eq(users.organizationId, a.organizationId), isNull(users.removedAt));
  const [me] = await tx.select({ memberRole: users.memberRole }).from(users).where(inOrg(a.userId));
  const [target] = await tx.select(memberColumns).from(users).where(inOrg(userId));
  if (!me) throw new DomainError('NOT_SIGNED_IN', 'Sign in first');
  if (!target) throw new DomainError('MEMBER_NOT_FOUND', 'No such member in your organisation');
  const [owners] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.organizationId, a.organizationId), eq(users.memberRole, 'OWNER'), isNull(users.removedAt)));
  const refusal = memberChangeRefusal({ actor: me.memberRole, self: target.id === a.userId, target: target.memberRole, change, owners: owners!.n });
  if (refusal) throw new DomainError(refusal.code, refusal.message);
  return target;
}

/** Gives a member another role; changing a role to the one it has is a no-op that still answers the member. */
export async function changeMemberRole(deps: AppDeps, actor: Actor | null, userId: string, rawRole: string): Promise<MemberView> {
  const role = parseInput(z.enum(MEMBER_ROLES), rawRole, 'role');
  return deps.db.transaction(async (tx) => {
    const target = await checkedChange(tx, actor, userId, { kind: 'CHANGE_ROLE', to: role });
    const [row] = await tx.update(users).set({ memberRole: role }).where(eq(users.id, target.id)).returning(memberColumns);
    await recordMemberAudit(tx, {
      actor,
      action: 'member.role_changed',
      organizationId: actor!.organizationId,
      target: { type: 'user', id: target.id },
      details: { role, previousRole: target.memberRole },
      at: deps.clock(),
      requestId: actor?.requestId,
    });
    return row!;
  });
}

/**
 * Removes a member (or, with one's own id, leaves): the user row stays for the history that points at it, its
 * e-mail is freed (the person can be invited again) and it cannot sign in; every session of theirs is revoked.
 */
export async function removeMember(deps: AppDeps, actor: Actor | null, userId: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const target = await checkedChange(tx, actor, userId, { kind: 'REMOVE' });
    const now = deps.clock();
    await tx
      .update(users)
      // not an argon2 hash: verification fails for every password
      .set({ removedAt: now, email: `${target.id}@removed.invalid`, passwordHash: '!removed' })
      .where(eq(users.id, target.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, target.id), isNull(sessions.revokedAt)));
    await recordMemberAudit(tx, {
      actor,
      action: 'member.removed',
      organizationId: actor!.organizationId,
      target: { type: 'user', id: target.id },
      details: { role: target.memberRole, left: actor?.userId === target.id },
      at: now,
      requestId: actor?.requestId,
    });
    return true;
  });
}
