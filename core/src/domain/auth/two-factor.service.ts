// TOTP two-factor sign-in for a signed-in user: enrol (secret sealed, QR code), confirm (recovery codes, shown
// once), disable, status; and the one check of a second factor that sign-in and disabling share.
import { recordMemberAudit } from '../audit/record-audit';
import { schema, type Db } from '@leadex/db';
import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { AppDeps } from '../app-deps';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { requireUser, type Actor } from './access';
import { sha256 } from './sessions.service';
import { isRecoveryCodeShape, newRecoveryCode, normalizeRecoveryCode, totpCodeOf, TWO_FACTOR, twoFactorMandatory } from './two-factor.rules';

const { totpCredentials, recoveryCodes, twoFactorChallenges, users } = schema;

export interface SecondFactor {
  /** the 6-digit code of the authenticator app */
  code?: string | null;
  /** one of the recovery codes (spent by this check when right) */
  recoveryCode?: string | null;
}

const codeRefused = (path: string) =>
  new DomainError('TOTP_CODE_INVALID', 'That code is not right; enter the current code of your authenticator app', [
    { path, message: 'wrong or expired code' },
  ]);

async function credentialOf(db: Db, userId: string) {
  const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId));
  return row ?? null;
}

/**
 * Whether `code` is the user's current TOTP code (one step of tolerance either way) and newer than the last one
 * accepted; accepting it records its step in the same statement, so the same code never works twice.
 */
async function acceptTotpCode(deps: AppDeps, db: Db, credential: typeof totpCredentials.$inferSelect, typed: string): Promise<boolean> {
  const token = totpCodeOf(typed);
  if (!token) return false;
  const { secret } = deps.vault.open<{ secret: string }>(credential.secretSealed, credential.secretKeyId);
  const epoch = Math.floor(deps.clock().getTime() / 1000);
  const result = await verify({
    secret,
    token,
    epoch,
    epochTolerance: TWO_FACTOR.toleranceSeconds,
    ...(credential.lastUsedStep != null ? { afterTimeStep: credential.lastUsedStep } : {}),
  });
  if (!result.valid) return false;
  // the matched code's time step (30-second periods since the Unix epoch)
  const step = Math.floor(epoch / 30) + result.delta;
  const taken = await db
    .update(totpCredentials)
    .set({ lastUsedStep: step })
    .where(and(eq(totpCredentials.userId, credential.userId), or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step))))
    .returning({ userId: totpCredentials.userId });
  return taken.length === 1;
}

/** Spends one unused recovery code of the user; false when it is not one of theirs or already used. */
async function spendRecoveryCode(deps: AppDeps, db: Db, userId: string, typed: string): Promise<boolean> {
  if (!isRecoveryCodeShape(typed)) return false;
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: deps.clock() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, sha256(normalizeRecoveryCode(typed))), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent.length === 1;
}

/** Checks a second factor of a user with TOTP on: the authenticator code, or else a recovery code (spent). */
export async function checkSecondFactor(deps: AppDeps, db: Db, userId: string, factor: SecondFactor): Promise<boolean> {
  const credential = await credentialOf(db, userId);
  if (!credential?.confirmedAt) return false;
  if (factor.code) return acceptTotpCode(deps, db, credential, factor.code);
  if (factor.recoveryCode) return spendRecoveryCode(deps, db, userId, factor.recoveryCode);
  return false;
}

/** Whether the user has confirmed TOTP (two-factor sign-in is on). */
export async function hasTotp(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.confirmedAt)));
  return !!row;
}

/** An operator signed in without TOTP where it is required: their session may only enrol (see the gate). */
export async function twoFactorEnrolmentRequired(deps: AppDeps, actor: Pick<Actor, 'role' | 'userId' | 'via'>): Promise<boolean> {
  if (actor.via !== 'session' || !actor.userId || !twoFactorMandatory(actor.role, deps.config.REQUIRE_OPERATOR_2FA)) return false;
  return !(await hasTotp(deps.db, actor.userId));
}

/** The actor as resolved from a session, marked when its session may only enrol in two-factor sign-in. */
export async function withTwoFactorGate<A extends Actor | null>(deps: AppDeps, actor: A): Promise<A> {
  if (!actor || !(await twoFactorEnrolmentRequired(deps, actor))) return actor;
  return { ...actor, twoFactorEnrolmentRequired: true };
}

export async function twoFactorStatus(deps: AppDeps, actor: Actor | null) {
  const a = requireUser(actor);
  const credential = await credentialOf(deps.db, a.userId);
  const [left] = await deps.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, a.userId), isNull(recoveryCodes.usedAt)));
  return {
    enabled: !!credential?.confirmedAt,
    enabledAt: credential?.confirmedAt ?? null,
    recoveryCodesLeft: credential?.confirmedAt ? Number(left!.n) : 0,
    required: twoFactorMandatory(a.role, deps.config.REQUIRE_OPERATOR_2FA),
  };
}

/**
 * Starts (or restarts) an enrolment: a new secret, sealed, waiting for its first code. Refused while TOTP is on
 * (disable it first). The answer carries the otpauth URI, its QR code and the secret for typing in.
 */
export async function startTotpEnrolment(deps: AppDeps, actor: Actor | null) {
  const a = requireUser(actor);
  const [user] = await deps.db.select({ email: users.email }).from(users).where(eq(users.id, a.userId));
  const secret = generateSecret();
  const { sealed, keyId } = deps.vault.seal({ secret });
  const replaced = await deps.db
    .insert(totpCredentials)
    .values({ userId: a.userId, secretSealed: sealed, secretKeyId: keyId, createdAt: deps.clock() })
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { secretSealed: sealed, secretKeyId: keyId, lastUsedStep: null, createdAt: deps.clock() },
      // a confirmed authenticator is never replaced from here
      setWhere: isNull(totpCredentials.confirmedAt),
    })
    .returning({ userId: totpCredentials.userId });
  if (!replaced.length) throw new DomainError('TOTP_ALREADY_ENABLED', 'Two-factor sign-in is already on; disable it first to change the authenticator');
  const otpauthUri = generateURI({ issuer: TWO_FACTOR.issuer, label: user!.email, secret });
  return { otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }), secret };
}

/** Turns two-factor sign-in on with the first code of the new authenticator; answers the ten recovery codes, once. */
export async function confirmTotpEnrolment(deps: AppDeps, actor: Actor | null, code: string): Promise<string[]> {
  const a = requireUser(actor);
  return deps.db.transaction(async (tx) => {
    const [credential] = await tx.select().from(totpCredentials).where(eq(totpCredentials.userId, a.userId)).for('update');
    if (!credential) throw new DomainError('TOTP_ENROLMENT_NOT_STARTED', 'Start the enrolment first (startTotpEnrolment)');
    if (credential.confirmedAt) throw new DomainError('TOTP_ALREADY_ENABLED', 'Two-factor sign-in is already on');
    if (!(await acceptTotpCode(deps, tx, credential, code))) throw codeRefused('code');
    await tx.update(totpCredentials).set({ confirmedAt: deps.clock() }).where(eq(totpCredentials.userId, a.userId));
    await recordMemberAudit(tx, {
      actor: a,
      action: 'totp.enabled',
      organizationId: a.organizationId,
      target: { type: 'user', id: a.userId },
      at: deps.clock(),
      requestId: a.requestId,
    });
    return replaceRecoveryCodes(deps, tx, a.userId);
  });
}

async function replaceRecoveryCodes(deps: AppDeps, tx: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: TWO_FACTOR.recoveryCodeCount }, () => newRecoveryCode());
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ id: newId('rcv'), userId, codeHash: sha256(normalizeRecoveryCode(c)), createdAt: deps.clock() })));
  return codes;
}

/** Ten new recovery codes for the old ones (all of which stop working), with a current code as proof. */
export async function regenerateRecoveryCodes(deps: AppDeps, actor: Actor | null, code: string, ip = 'unknown'): Promise<string[]> {
  const a = requireUser(actor);
  return guarded(deps, a.userId, ip, () =>
    deps.db.transaction(async (tx) => {
      if (!(await hasTotp(tx, a.userId))) throw new DomainError('TOTP_NOT_ENABLED', 'Two-factor sign-in is not on');
      if (!(await checkSecondFactor(deps, tx, a.userId, { code }))) throw codeRefused('code');
      return replaceRecoveryCodes(deps, tx, a.userId);
    }),
  );
}

/** Runs a check of a signed-in user's code; a wrong code counts as a failed sign-in from this IP (the lockout). */
async function guarded<T>(deps: AppDeps, userId: string, ip: string, run: () => Promise<T>): Promise<T> {
  const [user] = await deps.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const guard = deps.rateLimits.signIn;
  await guard.check(ip, user!.email);
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'TOTP_CODE_INVALID') await guard.failed(ip, user!.email);
    throw err;
  }
}

/**
 * Turns two-factor sign-in off with a current code or a recovery code; refused to operators where it is
 * required (TWO_FACTOR_MANDATORY). Pending sign-in challenges end with it.
 */
export async function disableTotp(deps: AppDeps, actor: Actor | null, code: string, ip = 'unknown'): Promise<boolean> {
  const a = requireUser(actor);
  if (twoFactorMandatory(a.role, deps.config.REQUIRE_OPERATOR_2FA)) {
    throw new DomainError('TWO_FACTOR_MANDATORY', 'Operators must keep two-factor sign-in on');
  }
  return guarded(deps, a.userId, ip, () =>
    deps.db.transaction(async (tx) => {
      if (!(await hasTotp(tx, a.userId))) throw new DomainError('TOTP_NOT_ENABLED', 'Two-factor sign-in is not on');
      const factor = totpCodeOf(code) ? { code } : { recoveryCode: code };
      if (!(await checkSecondFactor(deps, tx, a.userId, factor))) throw codeRefused('code');
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, a.userId));
      await tx.delete(totpCredentials).where(eq(totpCredentials.userId, a.userId));
      await tx
        .update(twoFactorChallenges)
        .set({ usedAt: deps.clock() })
        .where(and(eq(twoFactorChallenges.userId, a.userId), isNull(twoFactorChallenges.usedAt)));
      await recordMemberAudit(tx, {
        actor: a,
        action: 'totp.disabled',
        organizationId: a.organizationId,
        target: { type: 'user', id: a.userId },
        details: { with: 'code' in factor ? 'TOTP' : 'RECOVERY_CODE' },
        at: deps.clock(),
        requestId: a.requestId,
      });
      return true;
    }),
  );
}
