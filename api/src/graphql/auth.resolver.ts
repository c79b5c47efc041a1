// signUp / signIn / signOut / API keys: parse, call the auth service, set or clear the session cookie.
import * as auth from '@leadex/core/domain/auth/auth.service';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie';
import type { GqlContext } from './context';

/** A session's answer (and cookie), or signIn's two-factor challenge (no cookie: there is no session yet). */
export async function authPayload(ctx: GqlContext, result: auth.AuthResult | auth.SignInResult) {
  if ('twoFactorRequired' in result && result.twoFactorRequired) {
    return { token: null, user: null, twoFactorRequired: true, challengeToken: result.challengeToken, challengeExpiresAt: result.challengeExpiresAt };
  }
  setSessionCookie(ctx.res, result.token, result.expiresAt, ctx.deps.config.COOKIE_SECURE);
  const found = await auth.getUser(ctx.deps, result.userId);
  return {
    token: result.token,
    user: { ...found!.user, organization: found!.organization },
    twoFactorRequired: false,
    challengeToken: null,
    challengeExpiresAt: null,
  };
}

/** Who is signing in from where, for the sessions list. */
export const clientOf = (ctx: GqlContext) => ({ ip: ctx.req.ip ?? 'unknown', userAgent: ctx.req.get('user-agent') ?? null });

/** A RATE_LIMITED answer also carries Retry-After. */
export async function withRetryAfter<T>(ctx: GqlContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainError && err.retryAfter) ctx.res.setHeader('retry-after', String(err.retryAfter));
    throw err;
  }
}

export const authResolvers = {
  // GraphQL names the scopes in capitals; the domain and the database use 'leads:write' / 'leads:read'
  ApiKeyScope: { LEADS_WRITE: 'leads:write', LEADS_READ: 'leads:read' },
  Query: {
    me: (_: unknown, __: unknown, ctx: GqlContext) => auth.currentUser(ctx.deps, ctx.actor),
    myApiKeys: (_: unknown, __: unknown, ctx: GqlContext) => auth.listApiKeys(ctx.deps, ctx.actor),
  },
  Mutation: {
    signUp: async (_: unknown, args: { input: unknown }, ctx: GqlContext) =>
      authPayload(ctx, await auth.signUp(ctx.deps, args.input, { client: clientOf(ctx) })),
    signIn: (_: unknown, args: { email: string; password: string }, ctx: GqlContext) =>
      withRetryAfter(ctx, async () => {
        const client = clientOf(ctx);
        return authPayload(ctx, await auth.signIn(ctx.deps, args.email, args.password, client.ip, client.userAgent));
      }),
    signOut: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const done = await auth.signOut(ctx.deps, ctx.actor);
      clearSessionCookie(ctx.res);
      return done;
    },
    createApiKey: (_: unknown, args: { name: string; scopes?: string[] | null; expiresAt?: Date | null }, ctx: GqlContext) =>
      auth.createApiKey(ctx.deps, ctx.actor, args),
    revokeApiKey: (_: unknown, args: { id: string }, ctx: GqlContext) => auth.revokeApiKey(ctx.deps, ctx.actor, args.id),
  },
};
