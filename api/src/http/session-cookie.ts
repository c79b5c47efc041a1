// The web app's session cookie: its name and how it is set and cleared (the GraphQL auth mutations write it,
// resolve-actor reads it).
import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'leadex_session';

// clearCookie must name the same path as the cookie was set with, or the browser keeps it
const PATH = '/';

export function sessionCookieOptions(secure: boolean, expiresAt: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, expires: expiresAt, path: PATH };
}

export function setSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(secure, expiresAt));
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: PATH });
}

export function readSessionCookie(req: Request): string | undefined {
  return (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
}
