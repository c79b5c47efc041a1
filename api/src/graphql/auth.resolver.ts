// signUp / signIn / signOut / API keys: parse, call the auth service, set or clear the session cookie.
import * as auth from '@leadex/core/domain/auth/auth.service';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie';
import type { GqlContext } from './context';

async function authPayload(ctx: GqlContext, result: auth.AuthResult) {
  setSessionCookie(ctx.res, result.token, result.expiresAt, ctx.deps.config.COOKIE_SECURE);
  const found = await auth.getUser(ctx.deps, result.userId);
  return { token: result.token, user: { ...found!.user, organization: found!.organization } };
}

export const authResolvers = {
  // GraphQL names the scopes in capitals; the domain and the database use 'leads:write' / 'leads:read'
  ApiKeyScope: { LEADS_WRITE: 'leads:write', LEADS_READ: 'leads:read' },
  Query: {
    me: (_: unknown, __: unknown, ctx: GqlContext) => auth.currentUser(ctx.deps, ctx.actor),
    myApiKeys: (_: unknown, __: unknown, ctx: GqlContext) => auth.listApiKeys(ctx.deps, ctx.actor),
  },
  Mutation: {
    signUp: async (_: unknown, args: { input: unknown }, ctx: GqlContext) => authPayload(ctx, await auth.signUp(ctx.deps, args.input)),
    signIn: async (_: unknown, args: { email: string; password: string }, ctx: GqlContext) => {
      try {
        return authPayload(ctx, await auth.signIn(ctx.deps, args.email, args.password, ctx.req.ip ?? 'unknown'));
      } catch (err) {
        if (err instanceof DomainError && err.retryAfter) ctx.res.setHeader('retry-after', String(err.retryAfter));
        throw err;
      }
    },
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
