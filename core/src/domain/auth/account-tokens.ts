// Single-use e-mailed tokens (password reset, e-mail verification): issued with only their sha-256 stored,
// spent once, and the mail that carries them sent without holding up the request.
import { schema, type AccountTokenKind, type Db } from '@leadex/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { newId } from '../shared/ids';
import type { AccountMail } from './account-emails';
import { sha256 } from './sessions.service';

const { accountTokens } = schema;

const PREFIX: Record<AccountTokenKind, string> = { PASSWORD_RESET: 'lxr', EMAIL_VERIFICATION: 'lxv' };

/** A new token of `kind` for the user and address; earlier unused ones of the same kind stop working. */
export async function issueAccountToken(deps: AppDeps, db: Db, kind: AccountTokenKind, userId: string, email: string, ttlSeconds: number): Promise<string> {
  const token = `${PREFIX[kind]}_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock();
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt)));
  await db.insert(accountTokens).values({
    id: newId('atk'),
    kind,
    tokenHash: sha256(token),
    userId,
    email,
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    createdAt: now,
  });
  return token;
}

const usable = (deps: AppDeps, kind: AccountTokenKind, token: string) =>
  and(eq(accountTokens.tokenHash, sha256(token)), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, deps.clock()));

/** The unused, unexpired token's row (without spending it), or null. */
export async function findAccountToken(deps: AppDeps, db: Db, kind: AccountTokenKind, token: string) {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(usable(deps, kind, token));
  return row ?? null;
}

/** Spends the token in one statement (so two uses racing cannot both win); its row, or null when it is not usable. */
export async function spendAccountToken(deps: AppDeps, db: Db, kind: AccountTokenKind, token: string) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: deps.clock() })
    .where(usable(deps, kind, token))
    .returning();
  return row ?? null;
}

/**
 * Sends an account mail in the background: the request answers the same whether or not a mail goes out (and
 * however slow the SMTP server is). A failure is logged without the address; the user can ask again.
 */
export function sendAccountMail(deps: AppDeps, kind: AccountTokenKind, to: string, mail: AccountMail): void {
  deps.mailer.send({ to: [to], ...mail, headers: { 'x-leadex-mail': kind.toLowerCase() } }).catch((err: unknown) => {
    deps.logger.warn({ err: err instanceof Error ? err.message : String(err), kind }, 'account e-mail not sent');
  });
}
