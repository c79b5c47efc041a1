// The audit log (issue 16): who did what, to what, for whom, when and in which request. Append-only: a trigger
// (migration `audit_log_append_only`) refuses UPDATE and DELETE. No contact data and no secrets in `details`.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, ts } from './columns';

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: ts('at').notNull().defaultNow(),
    // the actor: a user (null for API keys and the system), the key, their organisation and the role they acted in
    actorUserId: text('actor_user_id'),
    actorApiKeyId: text('actor_api_key_id'),
    actorOrgId: text('actor_org_id'),
    actorRole: text('actor_role').notNull(), // SELLER | BUYER | OPERATOR | SYSTEM | ANONYMOUS (a failed sign-in)
    action: text('action').notNull(), // a code such as contact.read, order.paid (core/src/domain/audit/audit-actions.ts)
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    // whose entry it is: the organisation the action concerned; its users see it (null: platform settings, operators only)
    targetOrgId: text('target_org_id'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  // no foreign keys: the log outlives what it names, and a write here never waits on another table's lock
  (t) => [
    index('audit_log_at_idx').on(t.at.desc(), t.id.desc()),
    index('audit_log_target_org_idx').on(t.targetOrgId, t.at.desc(), t.id.desc()),
    index('audit_log_action_idx').on(t.action, t.at.desc()),
    index('audit_log_actor_user_idx')
      .on(t.actorUserId, t.at.desc())
      .where(sql`actor_user_id IS NOT NULL`),
    index('audit_log_target_idx').on(t.targetId),
  ],
);
