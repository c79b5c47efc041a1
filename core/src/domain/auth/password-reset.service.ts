// Password reset by e-mail: asking never says whether the address has an account; the link's token is
// single-use and lives 30 minutes; a reset ends every session of the account.
import { recordMemberAudit } from '../audit/record-audit';
import { schema } from '@leadex/db';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { badInput, DomainError } from '../shared/domain-error';
import { accountLink, passwordResetMail } from './account-emails';
import { findAccountToken, issueAccountToken, sendAccountMail, spendAccountToken } from './account-tokens';
import { hashPassword } from './auth.service';
import { passwordWeakness } from './password-strength';
import { revokeAllSessions } from './sessions.service';

const { users, twoFactorChallenges } = schema;

export const PASSWORD_RESET_MINUTES = 30;

const ZEmail = z.string().trim().toLowerCase().email().max(254);

/**
 * Mails a reset link when the address has an account; answers true either way, after the same rate limit
 * (per address and per client), so the answer tells nothing about which addresses have accounts.
 */
export async function requestPasswordReset(deps: AppDeps, email: string, ip: string): Promise<boolean> {
  const address = ZEmail.safeParse(email);
  if (!address.success) return true;
  await deps.rateLimits.accountEmails.consume(ip, address.data);
  const [user] = await deps.db.select().from(users).where(eq(users.email, address.data)).limit(1);
  if (!user) return true;
  const token = await issueAccountToken(deps, deps.db, 'PASSWORD_RESET', user.id, user.email, PASSWORD_RESET_MINUTES * 60);
  const url = accountLink(deps.config.WEB_ORIGIN, '/reset-password', token);
  sendAccountMail(deps, 'PASSWORD_RESET', user.email, passwordResetMail(user.name, url, PASSWORD_RESET_MINUTES));
  return true;
}

const refused = () =>
  new DomainError('PASSWORD_RESET_TOKEN_INVALID', 'This reset link is invalid, used or expired; ask for a new one', [
    { path: 'token', message: 'invalid, used or expired' },
  ]);

/**
 * Sets a new password (as strong as sign-up asks) with a reset token, once. Every session of the account ends,
 * pending two-factor challenges too; two-factor sign-in itself stays on. The mailbox is proven, so an
 * unverified address counts as verified.
 */
export async function resetPassword(deps: AppDeps, token: string, newPassword: string): Promise<boolean> {
  if (typeof token !== 'string' || !token.startsWith('lxr_') || token.length > 100) throw refused();
  const pending = await findAccountToken(deps, deps.db, 'PASSWORD_RESET', token);
  if (!pending) throw refused();
  const [user] = await deps.db.select().from(users).where(eq(users.id, pending.userId));
  if (typeof newPassword !== 'string' || newPassword.length > 200) throw badInput([{ path: 'newPassword', message: 'at most 200 characters' }]);
  // the same strength rule as sign-up, with the user's own words (e-mail, name) counted as easy guesses
  const weakness = passwordWeakness(newPassword, deps.config, [user!.email, user!.name]);
  if (weakness) throw new DomainError('PASSWORD_TOO_WEAK', `The password is too weak: ${weakness}`, [{ path: 'newPassword', message: weakness }]);
  const passwordHash = await hashPassword(newPassword);
  return deps.db.transaction(async (tx) => {
    const spent = await spendAccountToken(deps, tx, 'PASSWORD_RESET', token);
    if (!spent) throw refused();
    const now = deps.clock();
    await tx
      .update(users)
      .set({ passwordHash, ...(user!.emailVerifiedAt || user!.email !== spent.email ? {} : { emailVerifiedAt: now }) })
      .where(eq(users.id, spent.userId));
    await revokeAllSessions(deps, tx, spent.userId);
    await tx
      .update(twoFactorChallenges)
      .set({ usedAt: now })
      .where(and(eq(twoFactorChallenges.userId, spent.userId), isNull(twoFactorChallenges.usedAt)));
    await recordMemberAudit(tx, {
      actor: { userId: spent.userId, organizationId: user!.organizationId, role: user!.role },
      action: 'password.reset',
      organizationId: user!.organizationId,
      target: { type: 'user', id: spent.userId },
      details: { sessionsRevoked: true },
      at: now,
    });
    return true;
  });
}
