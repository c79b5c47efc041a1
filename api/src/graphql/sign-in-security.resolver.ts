// Two-factor sign-in, password reset, e-mail verification and sessions (issue 16): parse, call, map.
import { resendEmailVerification, verifyEmail } from '@leadex/core/domain/auth/email-verification.service';
import { requestPasswordReset, resetPassword } from '@leadex/core/domain/auth/password-reset.service';
import { listSessions, revokeSession, signOutEverywhere } from '@leadex/core/domain/auth/sessions.service';
import { completeTwoFactorSignIn } from '@leadex/core/domain/auth/two-factor-sign-in';
import * as twoFactor from '@leadex/core/domain/auth/two-factor.service';
import { clearSessionCookie } from '../http/session-cookie';
import { authPayload, clientOf, withRetryAfter } from './auth.resolver';
import type { GqlContext } from './context';

type UserRow = { id: string; role: 'SELLER' | 'BUYER' | 'OPERATOR'; emailVerifiedAt: Date | null };

export const signInSecurityResolvers = {
  User: {
    emailVerified: (u: UserRow) => u.emailVerifiedAt != null,
    twoFactorEnrolmentRequired: (u: UserRow, _: unknown, ctx: GqlContext) =>
      twoFactor.twoFactorEnrolmentRequired(ctx.deps, { role: u.role, userId: u.id, via: 'session' }),
  },
  Query: {
    twoFactorStatus: (_: unknown, __: unknown, ctx: GqlContext) => twoFactor.twoFactorStatus(ctx.deps, ctx.actor),
    mySessions: (_: unknown, __: unknown, ctx: GqlContext) => listSessions(ctx.deps, ctx.actor),
  },
  Mutation: {
    completeTwoFactorSignIn: (_: unknown, args: { challengeToken: string; code?: string | null; recoveryCode?: string | null }, ctx: GqlContext) =>
      withRetryAfter(ctx, async () => authPayload(ctx, await completeTwoFactorSignIn(ctx.deps, args.challengeToken, args, clientOf(ctx)))),
    startTotpEnrolment: (_: unknown, __: unknown, ctx: GqlContext) => twoFactor.startTotpEnrolment(ctx.deps, ctx.actor),
    confirmTotpEnrolment: (_: unknown, args: { code: string }, ctx: GqlContext) => twoFactor.confirmTotpEnrolment(ctx.deps, ctx.actor, args.code),
    disableTotp: (_: unknown, args: { code: string }, ctx: GqlContext) =>
      withRetryAfter(ctx, () => twoFactor.disableTotp(ctx.deps, ctx.actor, args.code, clientOf(ctx).ip)),
    regenerateRecoveryCodes: (_: unknown, args: { code: string }, ctx: GqlContext) =>
      withRetryAfter(ctx, () => twoFactor.regenerateRecoveryCodes(ctx.deps, ctx.actor, args.code, clientOf(ctx).ip)),
    requestPasswordReset: (_: unknown, args: { email: string }, ctx: GqlContext) =>
      withRetryAfter(ctx, () => requestPasswordReset(ctx.deps, args.email, clientOf(ctx).ip)),
    resetPassword: (_: unknown, args: { token: string; newPassword: string }, ctx: GqlContext) => resetPassword(ctx.deps, args.token, args.newPassword),
    verifyEmail: (_: unknown, args: { token: string }, ctx: GqlContext) => verifyEmail(ctx.deps, args.token),
    resendEmailVerification: (_: unknown, __: unknown, ctx: GqlContext) =>
      withRetryAfter(ctx, () => resendEmailVerification(ctx.deps, ctx.actor, clientOf(ctx).ip)),
    revokeSession: async (_: unknown, args: { id: string }, ctx: GqlContext) => {
      const done = await revokeSession(ctx.deps, ctx.actor, args.id);
      if (args.id === ctx.actor?.sessionId) clearSessionCookie(ctx.res);
      return done;
    },
    signOutEverywhere: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const done = await signOutEverywhere(ctx.deps, ctx.actor);
      clearSessionCookie(ctx.res);
      return done;
    },
  },
};
