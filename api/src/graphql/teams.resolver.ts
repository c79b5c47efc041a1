// Teams (issue 16): members, invitations, roles. Thin: parse, call the domain, map.
import { acceptInvitation, inviteMember, listInvitations, revokeInvitation } from '@leadex/core/domain/auth/invitations.service';
import { changeMemberRole, listMembers, removeMember, type MemberView } from '@leadex/core/domain/auth/members.service';
import { clearSessionCookie } from '../http/session-cookie';
import { authPayload } from './auth.resolver';
import type { GqlContext } from './context';

export const teamResolvers = {
  Query: {
    members: (_: unknown, __: unknown, ctx: GqlContext) => listMembers(ctx.deps, ctx.actor),
    invitations: (_: unknown, __: unknown, ctx: GqlContext) => listInvitations(ctx.deps, ctx.actor),
  },
  Mutation: {
    inviteMember: (_: unknown, a: { email: string; role: string }, ctx: GqlContext) => inviteMember(ctx.deps, ctx.actor, a),
    revokeInvitation: (_: unknown, a: { id: string }, ctx: GqlContext) => revokeInvitation(ctx.deps, ctx.actor, a.id),
    acceptInvitation: async (_: unknown, a: { token: string; name: string; password: string }, ctx: GqlContext) =>
      authPayload(ctx, await acceptInvitation(ctx.deps, a)),
    changeMemberRole: (_: unknown, a: { userId: string; role: string }, ctx: GqlContext) => changeMemberRole(ctx.deps, ctx.actor, a.userId, a.role),
    removeMember: async (_: unknown, a: { userId: string }, ctx: GqlContext) => {
      const done = await removeMember(ctx.deps, ctx.actor, a.userId);
      // leaving: the session just ended, so does its cookie
      if (a.userId === ctx.actor?.userId) clearSessionCookie(ctx.res);
      return done;
    },
  },
  Member: {
    role: (m: MemberView) => m.memberRole,
    joinedAt: (m: MemberView) => m.createdAt,
  },
  Invitation: {
    role: (i: { memberRole: string }) => i.memberRole,
    status: (i: { state: string }) => i.state,
  },
};
