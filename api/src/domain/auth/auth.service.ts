// Sign-up, sign-in, sessions (cookie or bearer token) and sellers' API keys.
import { schema, type Db } from '@leadex/db';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../context';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { parseInput } from '../shared/validation';
import { requireUser, type Actor, type Role } from './access';

const { organizations, users, sessions, apiKeys } = schema;

export const ZSignUpInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(10, 'at least 10 characters').max(200),
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

// Hashing an unknown user's password anyway keeps sign-in timing the same whether or not the e-mail exists.
let dummyHash: Promise<string> | null = null;

export async function hashPassword(password: string): Promise<string> {
  // argon2id (the library's default algorithm) with OWASP-level memory and time cost
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

async function openSession(deps: AppDeps, db: Db, userId: string): Promise<AuthResult> {
  const token = `lxs_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(deps.clock().getTime() + deps.config.SESSION_TTL_HOURS * 3_600_000);
  await db.insert(sessions).values({ id: newId('ses'), tokenHash: sha256(token), userId, expiresAt });
  return { token, userId, expiresAt };
}

export async function signUp(deps: AppDeps, raw: unknown): Promise<AuthResult> {
  const input = parseInput(ZSignUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken.length) throw new DomainError('EMAIL_TAKEN', 'An account with this e-mail already exists', [{ path: 'input.email', message: 'already registered' }]);
    const orgId = newId('org');
    await tx.insert(organizations).values({ id: orgId, name: input.organizationName, kind: input.role });
    const userId = newId('usr');
    // the unique index on email settles a race between two sign-ups with the same address
    await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, role: input.role, organizationId: orgId });
    return openSession(deps, tx, userId);
  });
}

export async function signIn(deps: AppDeps, email: string, password: string, ip: string): Promise<AuthResult> {
  await deps.rateLimits.signInAttempt(ip, email).catch((err: Error & { soft?: boolean }) => {
    if (!err.soft) throw err;
    deps.logger.warn({ err: err.message }, 'sign-in rate limiter unavailable');
  });
  const [user] = await deps.db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    throw new DomainError('BAD_CREDENTIALS', 'Wrong e-mail or password');
  }
  if (!(await verify(user.passwordHash, password).catch(() => false))) throw new DomainError('BAD_CREDENTIALS', 'Wrong e-mail or password');
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

/** The seller organization behind an API key; unknown or revoked keys are refused outright. */
export async function actorFromApiKey(deps: AppDeps, key: string): Promise<Actor> {
  const [row] = await deps.db
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) throw new DomainError('INVALID_API_KEY', 'Unknown or revoked API key');
  return { userId: null, organizationId: row.organizationId, role: 'SELLER', via: 'apiKey', apiKeyId: row.id };
}

export async function createApiKey(deps: AppDeps, actor: Actor | null, rawName: string) {
  const a = requireUser(actor, 'SELLER');
  const name = parseInput(z.string().trim().min(1).max(80), rawName, 'name');
  // the key has 256 random bits, so a fast hash is enough: nobody can guess their way to a match
  const key = `lxk_${randomBytes(32).toString('base64url')}`;
  const row = { id: newId('key'), organizationId: a.organizationId, createdBy: a.userId, name, prefix: key.slice(0, 10), keyHash: sha256(key) };
  const [saved] = await deps.db.insert(apiKeys).values(row).returning();
  return { key, apiKey: saved! };
}

export async function listApiKeys(deps: AppDeps, actor: Actor | null) {
  const a = requireUser(actor, 'SELLER');
  return deps.db.select().from(apiKeys).where(eq(apiKeys.organizationId, a.organizationId)).orderBy(apiKeys.createdAt);
}

export async function revokeApiKey(deps: AppDeps, actor: Actor | null, id: string) {
  const a = requireUser(actor, 'SELLER');
  const [row] = await deps.db
    .update(apiKeys)
    .set({ revokedAt: deps.clock() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, a.organizationId)))
    .returning();
  if (!row) throw new DomainError('NOT_OWNER', 'No such API key in your organization');
  return row;
}

export async function getUser(deps: AppDeps, userId: string) {
  const [row] = await deps.db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Used by the create-operator CLI only: there is no way to become an operator through the API. */
export async function createOperator(deps: AppDeps, email: string, password: string, name: string) {
  const input = parseInput(ZSignUpInput.pick({ email: true, password: true, name: true }), { email, password, name });
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    let [platform] = await tx.select().from(organizations).where(eq(organizations.kind, 'PLATFORM')).limit(1);
    if (!platform) {
      [platform] = await tx.insert(organizations).values({ id: newId('org'), name: 'Leadex operators', kind: 'PLATFORM' }).returning();
    }
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken.length) throw new DomainError('EMAIL_TAKEN', 'An account with this e-mail already exists');
    const id = newId('usr');
    await tx.insert(users).values({ id, email: input.email, name: input.name, passwordHash, role: 'OPERATOR', organizationId: platform!.id });
    return { id, email: input.email };
  });
}
