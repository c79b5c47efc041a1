// Sign-in sessions: opening one (random token, only its sha-256 stored), the user's list, revoking one or all.
import { schema, type Db } from '@leadex/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { requireUser, type Actor } from './access';

const { sessions } = schema;

export interface AuthResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

/** Who opened a session, shown in the user's sessions list. */
export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// the list is for people: the most recent sessions are enough to recognise one
const LISTED_SESSIONS = 100;

export async function openSession(deps: AppDeps, db: Db, userId: string, client: ClientInfo = {}): Promise<AuthResult> {
  const token = `lxs_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(deps.clock().getTime() + deps.config.SESSION_TTL_HOURS * 3_600_000);
  await db.insert(sessions).values({
    id: newId('ses'),
    tokenHash: sha256(token),
    userId,
    expiresAt,
    userAgent: client.userAgent?.slice(0, 300) || null,
    ip: client.ip?.slice(0, 64) || null,
    createdAt: deps.clock(),
  });
  return { token, userId, expiresAt };
}

const live = (deps: AppDeps, userId: string) => and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, deps.clock()));

/** The signed-in user's live sessions, newest first (at most 100), with the one the request came with marked. */
export async function listSessions(deps: AppDeps, actor: Actor | null) {
  const a = requireUser(actor);
  const rows = await deps.db
    .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, ip: sessions.ip })
    .from(sessions)
    .where(live(deps, a.userId))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(LISTED_SESSIONS);
  return rows.map((r) => ({ ...r, current: r.id === a.sessionId }));
}

/** Ends one of the user's own sessions (another user's is SESSION_NOT_FOUND); ending one already ended is a no-op. */
export async function revokeSession(deps: AppDeps, actor: Actor | null, sessionId: string): Promise<boolean> {
  const a = requireUser(actor);
  const [row] = await deps.db
    .select({ id: sessions.id, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, a.userId)));
  if (!row) throw new DomainError('SESSION_NOT_FOUND', 'No such session of yours', [{ path: 'id', message: 'not one of your sessions' }]);
  if (!row.revokedAt) await deps.db.update(sessions).set({ revokedAt: deps.clock() }).where(eq(sessions.id, row.id));
  return true;
}

/** Ends every live session of a user (inside the caller's transaction when given); returns how many. */
export async function revokeAllSessions(deps: AppDeps, db: Db, userId: string): Promise<number> {
  const ended = await db.update(sessions).set({ revokedAt: deps.clock() }).where(live(deps, userId)).returning({ id: sessions.id });
  return ended.length;
}

/** "Sign out everywhere": every session of the signed-in user ends, the one this request came with included. */
export async function signOutEverywhere(deps: AppDeps, actor: Actor | null): Promise<boolean> {
  const a = requireUser(actor);
  await revokeAllSessions(deps, deps.db, a.userId);
  return true;
}
