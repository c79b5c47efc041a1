// The second step of a sign-in with TOTP on: signIn's right password gives a short-lived challenge (no session);
// the challenge with the authenticator's code, or a recovery code, opens the session.
import { recordAudit } from '../audit/record-audit';
import { schema } from '@leadex/db';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { badInput, DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { openSession, sha256, type AuthResult, type ClientInfo } from './sessions.service';
import { checkSecondFactor, hasTotp, type SecondFactor } from './two-factor.service';
import { TWO_FACTOR } from './two-factor.rules';

const { twoFactorChallenges, users } = schema;

export interface TwoFactorChallenge {
  challengeToken: string;
  challengeExpiresAt: Date;
}

/** A challenge for a user whose password was right, or null when the user has no TOTP (the session opens at once). */
export async function twoFactorChallengeFor(deps: AppDeps, userId: string): Promise<TwoFactorChallenge | null> {
  if (!(await hasTotp(deps.db, userId))) return null;
  const challengeToken = `lxc_${randomBytes(32).toString('base64url')}`;
  const challengeExpiresAt = new Date(deps.clock().getTime() + TWO_FACTOR.challengeSeconds * 1000);
  await deps.db
    .insert(twoFactorChallenges)
    .values({ id: newId('tfc'), tokenHash: sha256(challengeToken), userId, expiresAt: challengeExpiresAt, createdAt: deps.clock() });
  return { challengeToken, challengeExpiresAt };
}

const challengeRefused = () =>
  new DomainError('TWO_FACTOR_CHALLENGE_INVALID', 'This sign-in has expired or was already used; sign in with your password again');

const open = (deps: AppDeps, tokenHash: string) =>
  and(
    eq(twoFactorChallenges.tokenHash, tokenHash),
    isNull(twoFactorChallenges.usedAt),
    gt(twoFactorChallenges.expiresAt, deps.clock()),
    lt(twoFactorChallenges.failedAttempts, TWO_FACTOR.challengeMaxFailures),
  );

/**
 * Completes a sign-in with the code of the authenticator app or one recovery code (exactly one of them). A wrong
 * code counts as a failed sign-in for the e-mail and IP (the sign-in guard) and against the challenge, which is
 * spent after five; a right one spends the challenge, so it opens one session only.
 */
export async function completeTwoFactorSignIn(
  deps: AppDeps,
  challengeToken: string,
  factor: SecondFactor,
  client: ClientInfo & { ip: string },
): Promise<AuthResult> {
  const given = [factor.code, factor.recoveryCode].filter((v) => typeof v === 'string' && v.trim() !== '');
  if (given.length !== 1) {
    throw badInput([{ path: factor.code ? 'recoveryCode' : 'code', message: 'give the code of your authenticator app or one recovery code' }]);
  }
  const tokenHash = sha256(String(challengeToken));
  const [pending] = await deps.db
    .select({ id: twoFactorChallenges.id, userId: twoFactorChallenges.userId, email: users.email })
    .from(twoFactorChallenges)
    .innerJoin(users, eq(users.id, twoFactorChallenges.userId))
    .where(open(deps, tokenHash));
  if (!pending) throw challengeRefused();
  const guard = deps.rateLimits.signIn;
  await guard.check(client.ip, pending.email);

  const outcome = await deps.db.transaction(async (tx) => {
    // the row lock makes two answers to one challenge take turns: the second finds it spent
    const [challenge] = await tx.select({ id: twoFactorChallenges.id }).from(twoFactorChallenges).where(open(deps, tokenHash)).for('update');
    if (!challenge) return { kind: 'spent' as const };
    if (!(await checkSecondFactor(deps, tx, pending.userId, factor))) return { kind: 'wrong' as const };
    await tx.update(twoFactorChallenges).set({ usedAt: deps.clock() }).where(eq(twoFactorChallenges.id, challenge.id));
    const session = await openSession(deps, tx, pending.userId, client);
    const [user] = await tx.select({ organizationId: users.organizationId, role: users.role }).from(users).where(eq(users.id, pending.userId));
    await recordAudit(tx, {
      actor: { userId: pending.userId, organizationId: user!.organizationId, role: user!.role },
      action: 'session.signed_in',
      target: { type: 'user', id: pending.userId, organizationId: user!.organizationId },
      details: { ip: client.ip ?? null, secondFactor: factor.code ? 'TOTP' : 'RECOVERY_CODE' },
      at: deps.clock(),
    });
    return { kind: 'ok' as const, session };
  });
  if (outcome.kind === 'spent') throw challengeRefused();
  if (outcome.kind === 'wrong') {
    await deps.db
      .update(twoFactorChallenges)
      .set({ failedAttempts: sql`${twoFactorChallenges.failedAttempts} + 1` })
      .where(eq(twoFactorChallenges.id, pending.id));
    await guard.failed(client.ip, pending.email);
    throw new DomainError('BAD_TWO_FACTOR_CODE', 'That code is not right', [
      { path: factor.code ? 'code' : 'recoveryCode', message: 'wrong, expired or already used code' },
    ]);
  }
  // only now is the sign-in a success for the guard: a right password alone never clears its failures
  await guard.succeeded(client.ip, pending.email);
  return outcome.session;
}
