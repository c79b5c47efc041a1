// Pure rules of the audit log: who is named as the actor, what may go into an entry's details, and which
// organisation's entries a reader sees.

/** Anything that can act: a signed-in user, an API key (no user), the system (null). */
export interface AuditActor {
  userId?: string | null;
  apiKeyId?: string | null;
  organizationId?: string | null;
  role?: string | null;
  requestId?: string | null;
}

export interface AuditActorColumns {
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorOrgId: string | null;
  actorRole: string;
  requestId: string | null;
}

/** The actor's columns; no actor is the system (a webhook, a worker, a schedule). */
export function actorColumns(actor: AuditActor | null, requestId?: string | null): AuditActorColumns {
  return {
    actorUserId: actor?.userId ?? null,
    actorApiKeyId: actor?.apiKeyId ?? null,
    actorOrgId: actor?.organizationId ?? null,
    actorRole: actor?.role ?? 'SYSTEM',
    requestId: requestId ?? actor?.requestId ?? null,
  };
}

/** Entries stay small: a few facts (amounts, codes, ids), never a payload. */
export const MAX_DETAILS_CHARS = 2_000;

// keys that would carry contact data or secrets; the details of an entry name what changed, never such values
const FORBIDDEN_DETAIL_KEY = /^(full_?name|phone(_?e164)?|e_?mail|social_?url|contact|password|secret|token|api_?key|recovery_?codes?)$/i;

/**
 * Details as stored: forbidden keys anywhere are a programming error (thrown, so the action's transaction
 * rolls back in tests rather than writing personal data); oversized details are cut to a marker.
 */
export function auditDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {};
  const walk = (value: unknown, path: string): void => {
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_DETAIL_KEY.test(k)) throw new Error(`audit details may not hold "${path}${k}" (contact data or a secret)`);
        walk(v, `${path}${k}.`);
      }
    }
  };
  walk(details, '');
  const text = JSON.stringify(details);
  return text.length > MAX_DETAILS_CHARS ? { truncated: true, size: text.length } : details;
}

/** Which organisation's entries a reader sees: operators all (null), anybody else only their own. */
export function auditScopeOf(reader: { role: string; organizationId: string }): string | null {
  return reader.role === 'OPERATOR' ? null : reader.organizationId;
}

/**
 * The actor as a reader sees it: an organisation's users see who of their own organisation acted; for an actor
 * of another organisation (an operator resolving their dispute) only the role, not the person.
 */
export function visibleActor<T extends { actorUserId: string | null; actorApiKeyId: string | null; actorOrgId: string | null; actorName: string | null }>(
  entry: T,
  reader: { role: string; organizationId: string },
): T {
  if (reader.role === 'OPERATOR' || entry.actorOrgId === reader.organizationId) return entry;
  return { ...entry, actorUserId: null, actorApiKeyId: null, actorOrgId: null, actorName: null };
}
