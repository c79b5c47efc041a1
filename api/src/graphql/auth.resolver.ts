// signUp / signIn / signOut / API keys: parse, call the auth service, set or clear the session cookie.
import type { Response } from 'express';
import * as auth from '../domain/auth/auth.service';
import { requireActor } from '../domain/auth/access';
import type { GqlContext } from './context';

export const SESSION_COOKIE = 'leadex_session';

function setSessionCookie(ctx: GqlContext, token: string, expiresAt: Date) {
  ctx.res.cookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', secure: ctx.deps.config.COOKIE_SECURE, expires: expiresAt, path: '/',
  });
}

async function authPayload(ctx: GqlContext, result: auth.AuthResult) {
  setSessionCookie(ctx, result.token, result.expiresAt);
  const found = await auth.getUser(ctx.deps, result.userId);
  return { token: result.token, user: { ...found!.user, organization: found!.organization } };
}

export const authResolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: GqlContext) => {
      if (!ctx.actor?.userId) return null;
      const found = await auth.getUser(ctx.deps, ctx.actor.userId);
      return found && { ...found.user, organization: found.organization };
    },
    myApiKeys: (_: unknown, __: unknown, ctx: GqlContext) => auth.listApiKeys(ctx.deps, ctx.actor),
  },
  Mutation: {
    signUp: async (_: unknown, args: { input: unknown }, ctx: GqlContext) => authPayload(ctx, await auth.signUp(ctx.deps, args.input)),
    signIn: async (_: unknown, args: { email: string; password: string }, ctx: GqlContext) =>
      authPayload(ctx, await auth.signIn(ctx.deps, args.email, args.password, ctx.req.ip ?? 'unknown')),
    signOut: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const done = await auth.signOut(ctx.deps, ctx.actor);
      (ctx.res as Response).clearCookie(SESSION_COOKIE, { path: '/' });
      return done;
    },
    createApiKey: (_: unknown, args: { name: string }, ctx: GqlContext) => auth.createApiKey(ctx.deps, ctx.actor, args.name),
    revokeApiKey: (_: unknown, args: { id: string }, ctx: GqlContext) => auth.revokeApiKey(ctx.deps, requireActor(ctx.actor), args.id),
  },
};
