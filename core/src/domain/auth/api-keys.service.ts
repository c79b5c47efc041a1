// Sellers' API keys: scoped (leads:write by default, leads:read opt-in), optionally expiring, last use recorded.
import { schema } from '@leadex/db';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { parseInput } from '../shared/validation';
import { API_KEY_SCOPES, requireCapability, requireUser, type Actor, type ApiKeyScope } from './access';
import { API_KEY_MEMBER_ROLE } from './member-roles.rules';

const { apiKeys } = schema;

/** a key used again within this long does not write its last-used time again (hot API paths stay read-only) */
export const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_KEY_LIFETIME_MS = 5 * 365 * 24 * 3_600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const isScope = (s: string): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s);

const ZApiKeyInput = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'name at least one scope').nullish(),
  expiresAt: z.date().nullish(),
});

/** The seller organization behind an API key; unknown, revoked and expired keys are refused outright. */
export async function actorFromApiKey(deps: AppDeps, key: string): Promise<Actor> {
  const [row] = await deps.db
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId, scopes: apiKeys.scopes, expiresAt: apiKeys.expiresAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) throw new DomainError('INVALID_API_KEY', 'Unknown or revoked API key');
  const now = deps.clock();
  if (row.expiresAt && row.expiresAt <= now) throw new DomainError('API_KEY_EXPIRED', 'This API key has expired; create a new one');
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // the condition repeats the check, so two concurrent calls write once
    await deps.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return {
    userId: null,
    organizationId: row.organizationId,
    role: 'SELLER',
    via: 'apiKey',
    apiKeyId: row.id,
    scopes: row.scopes.filter(isScope),
    memberRole: API_KEY_MEMBER_ROLE,
  };
}

export async function createApiKey(deps: AppDeps, actor: Actor | null, raw: { name: string; scopes?: readonly string[] | null; expiresAt?: Date | null }) {
  const a = requireCapability(requireUser(actor, 'SELLER'), 'MONEY');
  const input = parseInput(ZApiKeyInput, raw, '');
  const now = deps.clock().getTime();
  if (input.expiresAt && (input.expiresAt.getTime() <= now || input.expiresAt.getTime() > now + MAX_KEY_LIFETIME_MS)) {
    throw new DomainError('INVALID_INPUT', 'The expiry must be in the future and within five years', [
      { path: 'expiresAt', message: 'in the future, within five years' },
    ]);
  }
  const scopes = [...new Set(input.scopes ?? ['leads:write'])];
  // the key has 256 random bits, so a fast hash is enough: nobody can guess their way to a match
  const key = `lxk_${randomBytes(32).toString('base64url')}`;
  const row = {
    id: newId('key'),
    organizationId: a.organizationId,
    createdBy: a.userId,
    name: input.name,
    prefix: key.slice(0, 10),
    keyHash: sha256(key),
    scopes,
    expiresAt: input.expiresAt ?? null,
  };
  const saved = await deps.db.transaction(async (tx) => {
    const [inserted] = await tx.insert(apiKeys).values(row).returning();
    // the prefix identifies the key in lists; the key itself is never written anywhere but its hash
    await recordAudit(tx, {
      actor: a,
      action: 'api_key.created',
      target: { type: 'api_key', id: row.id, organizationId: a.organizationId },
      details: { keyName: row.name, prefix: row.prefix, scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
      at: deps.clock(),
    });
    return inserted!;
  });
  return { key, apiKey: saved };
}

export async function listApiKeys(deps: AppDeps, actor: Actor | null) {
  const a = requireUser(actor, 'SELLER');
  return deps.db.select().from(apiKeys).where(eq(apiKeys.organizationId, a.organizationId)).orderBy(apiKeys.createdAt);
}

export async function revokeApiKey(deps: AppDeps, actor: Actor | null, id: string) {
  const a = requireCapability(requireUser(actor, 'SELLER'), 'MONEY');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, a.organizationId)))
      .returning();
    if (!row) throw new DomainError('NOT_OWNER', 'No such API key in your organization');
    await recordAudit(tx, {
      actor: a,
      action: 'api_key.revoked',
      target: { type: 'api_key', id: row.id, organizationId: a.organizationId },
      details: { keyName: row.name, prefix: row.prefix },
      at: deps.clock(),
    });
    return row;
  });
}
