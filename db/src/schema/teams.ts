// Teams (issue 16): invitations of new members to an organisation, by e-mail with a single-use, expiring link.
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users, type MemberRole } from './accounts';
import { createdAt, id, ts } from './columns';

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    memberRole: text('member_role').$type<MemberRole>().notNull(),
    // sha-256 of the link's random token; the token itself is only in the e-mail
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    // the user the invitation made
    acceptedUserId: text('accepted_user_id').references(() => users.id),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_uq').on(t.tokenHash), index('invitations_org_idx').on(t.organizationId, t.createdAt)],
);
