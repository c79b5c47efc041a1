// Sign-up, sign-in and sessions (cookie or bearer token); sellers' API keys are in api-keys.service.ts.
import { schema, type Db } from '@leadex/db';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { isUniqueViolation } from '../shared/db-errors';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import type { Actor, Role } from './access';
import { parseWithStrongPassword } from './password-strength';

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

export interface AuthResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function hashPassword(password: string): Promise<string> {
  // argon2id (the library's default algorithm) with OWASP-level memory and time cost
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

// An unknown e-mail is verified against this hash (same parameters as real ones), so sign-in takes as long
// whether or not the account exists; made once, when the module loads, so the first unknown e-mail is not slower.
const dummyHash = hashPassword(randomBytes(18).toString('base64url'));

async function openSession(deps: AppDeps, db: Db, userId: string): Promise<AuthResult> {
  const token = `lxs_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(deps.clock().getTime() + deps.config.SESSION_TTL_HOURS * 3_600_000);
  await db.insert(sessions).values({ id: newId('ses'), tokenHash: sha256(token), userId, expiresAt });
  return { token, userId, expiresAt };
}

export async function signUp(deps: AppDeps, raw: unknown): Promise<AuthResult> {
  const input = parseWithStrongPassword(ZSignUpInput, raw, deps.config);
  const passwordHash = await hashPassword(input.password);
  const emailTaken = () =>
    new DomainError('EMAIL_TAKEN', 'An account with this e-mail already exists', [{ path: 'input.email', message: 'already registered' }]);
  return deps.db
    .transaction(async (tx) => {
      const taken = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (taken.length) throw emailTaken();
      const orgId = newId('org');
      await tx.insert(organizations).values({ id: orgId, name: input.organizationName, kind: input.role });
      const userId = newId('usr');
      // the unique index on email settles a race between two sign-ups with the same address
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, role: input.role, organizationId: orgId });
      return openSession(deps, tx, userId);
    })
    .catch((err: unknown) => {
      // two sign-ups racing for one address: the loser hears what it would have heard a moment later
      if (isUniqueViolation(err, 'users_email_uq')) throw emailTaken();
      throw err;
    });
}

/**
 * Unknown e-mail and wrong password take one code path (same message, code and argon2 work), and both count
 * as a failure for the sign-in guard; a successful sign-in is never counted.
 */
export async function signIn(deps: AppDeps, email: string, password: string, ip: string): Promise<AuthResult> {
  const guard = deps.rateLimits.signIn;
  await guard.check(ip, email);
  const address = ZSignUpInput.shape.email.safeParse(email);
  // a malformed address cannot belong to anyone: no query (NUL bytes and the like never reach Postgres)
  const [user] = address.success ? await deps.db.select().from(users).where(eq(users.email, address.data)).limit(1) : [];
  const valid = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!user || !valid) {
    await guard.failed(ip, email);
    throw new DomainError('BAD_CREDENTIALS', 'Wrong e-mail or password');
  }
  await guard.succeeded(ip, email);
  return openSession(deps, deps.db, user.id);
}

export async function signOut(deps: AppDeps, actor: Actor | null): Promise<boolean> {
  if (!actor?.sessionId) return false;
  await deps.db.update(sessions).set({ revokedAt: deps.clock() }).where(eq(sessions.id, actor.sessionId));
  return true;
}

/** The actor behind a session token, or null when the token is unknown, revoked or expired. */
export async function actorFromSessionToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const [row] = await deps.db
    .select({ sessionId: sessions.id, userId: users.id, role: users.role, organizationId: users.organizationId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, deps.clock())))
    .limit(1);
  if (!row) return null;
  return { userId: row.userId, organizationId: row.organizationId, role: row.role as Role, via: 'session', sessionId: row.sessionId };
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
    await tx.insert(users).values({ id, email: input.email, name: input.name, passwordHash, role: 'OPERATOR', organizationId: platform!.id });
    return { id, email: input.email };
  });
}
