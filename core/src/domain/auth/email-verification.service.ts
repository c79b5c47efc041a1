// E-mail address verification: the link sent at sign-up (and again on request), and following it. Sign-in never
// waits for it; `me.emailVerified` tells.
import { schema, type Db } from '@leadex/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { DomainError } from '../shared/domain-error';
import { requireUser, type Actor } from './access';
import { accountLink, emailVerificationMail } from './account-emails';
import { issueAccountToken, sendAccountMail, spendAccountToken } from './account-tokens';

const { users } = schema;

export const EMAIL_VERIFICATION_HOURS = 48;

/** Issues a verification token for the user's current address (inside `db`'s transaction) and mails the link. */
export async function sendEmailVerification(deps: AppDeps, db: Db, user: { id: string; email: string; name: string }): Promise<void> {
  const token = await issueAccountToken(deps, db, 'EMAIL_VERIFICATION', user.id, user.email, EMAIL_VERIFICATION_HOURS * 3600);
  const url = accountLink(deps.config.WEB_ORIGIN, '/verify-email', token);
  sendAccountMail(deps, 'EMAIL_VERIFICATION', user.email, emailVerificationMail(user.name, url, EMAIL_VERIFICATION_HOURS));
}

/** A new link for the signed-in user (the older ones stop working); rate-limited per address and client. */
export async function resendEmailVerification(deps: AppDeps, actor: Actor | null, ip: string): Promise<boolean> {
  const a = requireUser(actor);
  const [user] = await deps.db.select().from(users).where(eq(users.id, a.userId));
  if (user!.emailVerifiedAt) throw new DomainError('EMAIL_ALREADY_VERIFIED', 'Your e-mail address is already confirmed');
  await deps.rateLimits.accountEmails.consume(ip, user!.email);
  await sendEmailVerification(deps, deps.db, user!);
  return true;
}

/**
 * Follows a verification link (signed in or not: the link may be opened on another device). The token is
 * single-use; it verifies the address it was sent to, and only while the account still has that address.
 */
export async function verifyEmail(deps: AppDeps, token: string): Promise<boolean> {
  const refused = () =>
    new DomainError('EMAIL_VERIFICATION_TOKEN_INVALID', 'This confirmation link is invalid, used or expired; ask for a new one', [
      { path: 'token', message: 'invalid, used or expired' },
    ]);
  if (typeof token !== 'string' || !token.startsWith('lxv_') || token.length > 100) throw refused();
  return deps.db.transaction(async (tx) => {
    const spent = await spendAccountToken(deps, tx, 'EMAIL_VERIFICATION', token);
    if (!spent) throw refused();
    await tx
      .update(users)
      .set({ emailVerifiedAt: deps.clock() })
      .where(and(eq(users.id, spent.userId), eq(users.email, spent.email), isNull(users.emailVerifiedAt)));
    return true;
  });
}
