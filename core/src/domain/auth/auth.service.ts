// Sign-up, sign-in and sessions (cookie or bearer token); sellers' API keys are in api-keys.service.ts.
import { schema } from '@leadex/db';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../shared/db-errors';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import type { Actor, Role } from './access';
import { sendEmailVerification } from './email-verification.service';
import { parseWithStrongPassword } from './password-strength';
import { openSession, sha256, type AuthResult, type ClientInfo } from './sessions.service';
import { twoFactorChallengeFor, type TwoFactorChallenge } from './two-factor-sign-in';

export { actorFromApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-keys.service';

const { organizations, users, sessions } = schema;

export const ZSignUpInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  // length and strength are checked by assertStrongPassword, with zxcvbn's feedback
  password: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  organizationName: z.string().trim().min(1).max(120),
  role: z.enum(['SELLER', 'BUYER']),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export type { AuthResult, ClientInfo } from './sessions.service';

/** signIn's answer: a session, or (TOTP on) a challenge that completeTwoFactorSignIn turns into one. */
export type SignInResult = (AuthResult & { twoFactorRequired: false }) | (TwoFactorChallenge & { twoFactorRequired: true });

export async function hashPassword(password: string): Promise<string> {
  // argon2id (the library's default algorithm) with OWASP-level memory and time cost
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

// An unknown e-mail is verified against this hash (same parameters as real ones), so sign-in takes as long
// whether or not the account exists; made once, when the module loads, so the first unknown e-mail is not slower.
const dummyHash = hashPassword(randomBytes(18).toString('base64url'));

/**
 * A new organisation with its first user, signed in; the verification link is mailed to the address unless
 * `emailVerified` (the demo seed's accounts).
 */
export async function signUp(deps: AppDeps, raw: unknown, options: { client?: ClientInfo; emailVerified?: boolean } = {}): Promise<AuthResult> {
  const input = parseWithStrongPassword(ZSignUpInput, raw, deps.config);
  const passwordHash = await hashPassword(input.password);
  const emailTaken = () =>
    new DomainError('EMAIL_TAKEN', 'An account with this e-mail already exists', [{ path: 'input.email', message: 'already registered' }]);
  const session = await deps.db
    .transaction(async (tx) => {
      const taken = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (taken.length) throw emailTaken();
      const orgId = newId('org');
      await tx.insert(organizations).values({ id: orgId, name: input.organizationName, kind: input.role });
      const userId = newId('usr');
      // the unique index on email settles a race between two sign-ups with the same address
      await tx.insert(users).values({
        id: userId,
        email: input.email,
        name: input.name,
        passwordHash,
        role: input.role,
        organizationId: orgId,
        emailVerifiedAt: options.emailVerified ? deps.clock() : null,
      });
      return openSession(deps, tx, userId, options.client);
    })
    .catch((err: unknown) => {
      // two sign-ups racing for one address: the loser hears what it would have heard a moment later
      if (isUniqueViolation(err, 'users_email_uq')) throw emailTaken();
      throw err;
    });
  // after the commit, so a rolled-back sign-up mails nothing; the account stands without it (resendEmailVerification)
  if (!options.emailVerified) {
    await sendEmailVerification(deps, deps.db, { id: session.userId, email: input.email, name: input.name }).catch((err: unknown) =>
      deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'verification e-mail not issued'),
    );
  }
  return session;
}

/**
 * Unknown e-mail and wrong password take one code path (same message, code and argon2 work), and both count
 * as a failure for the sign-in guard; a successful sign-in is never counted. With TOTP on, the right password
 * opens no session: the answer is a challenge for completeTwoFactorSignIn, and the guard hears of success only
 * when the second factor is right.
 */
export async function signIn(deps: AppDeps, email: string, password: string, ip: string, userAgent?: string | null, requestId?: string): Promise<SignInResult> {
  const guard = deps.rateLimits.signIn;
  await guard.check(ip, email);
  const address = ZSignUpInput.shape.email.safeParse(email);
  // a malformed address cannot belong to anyone: no query (NUL bytes and the like never reach Postgres)
  const [user] = address.success ? await deps.db.select().from(users).where(eq(users.email, address.data)).limit(1) : [];
  const valid = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!user || !valid) {
    await guard.failed(ip, email);
    // the account's organisation sees attempts on it; an unknown address names nobody (and the typed text is not kept)
    await recordAudit(deps.db, {
      actor: { role: 'ANONYMOUS' },
      action: 'session.sign_in_failed',
      target: { type: 'user', id: user?.id ?? null, organizationId: user?.organizationId ?? null },
      details: { ip, knownAccount: !!user },
      at: deps.clock(),
      requestId,
    });
    throw new DomainError('BAD_CREDENTIALS', 'Wrong e-mail or password');
  }
  const challenge = await twoFactorChallengeFor(deps, user.id);
  if (challenge) return { twoFactorRequired: true, ...challenge };
  await guard.succeeded(ip, email);
  return deps.db.transaction(async (tx) => {
    const session = await openSession(deps, tx, user.id, { ip, userAgent });
    await recordAudit(tx, {
      actor: { userId: user.id, organizationId: user.organizationId, role: user.role },
      action: 'session.signed_in',
      target: { type: 'user', id: user.id, organizationId: user.organizationId },
      details: { ip },
      at: deps.clock(),
      requestId,
    });
    return { twoFactorRequired: false as const, ...session };
  });
}

export async function signOut(deps: AppDeps, actor: Actor | null): Promise<boolean> {
  if (!actor?.sessionId) return false;
  await deps.db.update(sessions).set({ revokedAt: deps.clock() }).where(eq(sessions.id, actor.sessionId));
  return true;
}

/** The actor behind a session token, or null when the token is unknown, revoked or expired. */
export async function actorFromSessionToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const [row] = await deps.db
    .select({ sessionId: sessions.id, userId: users.id, role: users.role, organizationId: users.organizationId, memberRole: users.memberRole })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    // a removed member's sessions are revoked with the removal; the user's own check is a second lock
    .where(and(eq(sessions.tokenHash, sha256(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, deps.clock()), isNull(users.removedAt)))
    .limit(1);
  if (!row) return null;
  return {
    userId: row.userId,
    organizationId: row.organizationId,
    role: row.role as Role,
    via: 'session',
    sessionId: row.sessionId,
    memberRole: row.memberRole,
  };
}

export async function getUser(deps: AppDeps, userId: string) {
  const [row] = await deps.db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** The signed-in user with their organization; null for anonymous callers and API keys (which have no user). */
export async function currentUser(deps: AppDeps, actor: Actor | null) {
  if (!actor?.userId) return null;
  const found = await getUser(deps, actor.userId);
  return found && { ...found.user, organization: found.organization };
}

/** Used by the create-operator CLI only: there is no way to become an operator through the API. */
export async function createOperator(deps: AppDeps, email: string, password: string, name: string) {
  const input = parseWithStrongPassword(ZSignUpInput.pick({ email: true, password: true, name: true }), { email, password, name }, deps.config);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    let [platform] = await tx.select().from(organizations).where(eq(organizations.kind, 'PLATFORM')).limit(1);
    if (!platform) {
      [platform] = await tx
        .insert(organizations)
        .values({ id: newId('org'), name: 'Leadex operators', kind: 'PLATFORM' })
        .returning();
    }
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken.length) throw new DomainError('EMAIL_TAKEN', 'An account with this e-mail already exists');
    const id = newId('usr');
    // the address is the one whoever runs the CLI typed: nothing to verify by mail
    await tx
      .insert(users)
      .values({ id, email: input.email, name: input.name, passwordHash, role: 'OPERATOR', organizationId: platform!.id, emailVerifiedAt: deps.clock() });
    return { id, email: input.email };
  });
}
