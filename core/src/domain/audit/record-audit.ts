// Writes one audit entry, in the transaction of the action it records: an action that rolls back leaves none.
import { schema, type Db } from '@leadex/db';
import { newId } from '../shared/ids';
import type { AuditAction, AuditTargetType } from './audit-actions';
import { actorColumns, auditDetails, type AuditActor } from './audit.rules';

export interface AuditEntry {
  /** who acted: an Actor (its requestId is kept), a user signing in, or null for the system */
  actor: AuditActor | null;
  action: AuditAction;
  target: {
    type: AuditTargetType;
    id: string | null;
    /** whose entry it is: the organisation the action concerned (its users read it); null for platform settings */
    organizationId: string | null;
  };
  /** a few facts (amounts, codes, what changed); never contact data or secrets (audit.rules.ts refuses those keys) */
  details?: Record<string, unknown>;
  /** the injected clock's time (deps.clock()) */
  at: Date;
  /** when the actor does not carry it (a sign-in, which has no actor yet) */
  requestId?: string | null;
}

/** Appends the entry through `tx`: pass the transaction the action itself runs in. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await auditInsert(tx, entry);
}

/** recordAudit's insert, lazy: sent when awaited, or with the action's other statements through inOneRoundTrip. */
export function auditInsert(tx: Db, entry: AuditEntry): PromiseLike<unknown> {
  return tx.insert(schema.auditLog).values(auditRow(entry));
}

/** Every column auditRow fills: the fields of a built-once insert of audit rows (shared/built-once.ts slotRows). */
export const AUDIT_ROW_FIELDS = [
  'id',
  'at',
  'actorUserId',
  'actorApiKeyId',
  'actorOrgId',
  'actorRole',
  'requestId',
  'action',
  'targetType',
  'targetId',
  'targetOrgId',
  'details',
] as const;

/** The audit_log row of an entry, for a caller that writes several rows in one statement. */
export function auditRow(entry: AuditEntry): Required<Pick<typeof schema.auditLog.$inferInsert, (typeof AUDIT_ROW_FIELDS)[number]>> {
  return {
    id: newId('adt'),
    at: entry.at,
    ...actorColumns(entry.actor, entry.requestId),
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    targetOrgId: entry.target.organizationId,
    details: auditDetails(entry.details),
  };
}

/** Member, invitation, two-factor and password-reset changes (issue 16's teams and sign-in work calls this). */
export type MemberAuditAction = Extract<
  AuditAction,
  'member.invited' | 'member.joined' | 'member.role_changed' | 'member.removed' | 'invitation.revoked' | 'totp.enabled' | 'totp.disabled' | 'password.reset'
>;

/**
 * One entry about a member of `organizationId`: `target` is the member's user id (or the invitation's id for
 * `member.invited` / `invitation.revoked`); `details` e.g. `{ role: 'ADMIN', previousRole: 'MEMBER' }`, never the
 * invitee's e-mail address, a token or a TOTP secret.
 */
export function recordMemberAudit(
  tx: Db,
  change: {
    actor: AuditActor | null;
    action: MemberAuditAction;
    organizationId: string;
    target: { type: 'user' | 'invitation'; id: string };
    details?: Record<string, unknown>;
    at: Date;
    requestId?: string | null;
  },
): Promise<void> {
  return recordAudit(tx, {
    actor: change.actor,
    action: change.action,
    target: { ...change.target, organizationId: change.organizationId },
    details: change.details,
    at: change.at,
    requestId: change.requestId,
  });
}
