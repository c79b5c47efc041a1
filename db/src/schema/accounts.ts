// Organizations, their users, sign-in sessions and sellers' API keys.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns';

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    // SELLER, BUYER or PLATFORM (the operators' own organization)
    kind: text('kind').notNull(),
    qualityScore: integer('quality_score').notNull().default(80),
    suspended: boolean('suspended').notNull().default(false),
    stripeAccountId: text('stripe_account_id'),
    // set from Stripe's account.updated webhook once onboarding is complete
    stripePayoutsEnabled: boolean('stripe_payouts_enabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // the operators' sellers table (issue 15): one kind, worst quality first, then by name
    index('organizations_kind_quality_idx').on(t.kind, t.qualityScore, t.name),
  ],
);

/** A user's role inside their organisation (issue 16, teams); what each may do is in core's member-roles.rules.ts. */
export const MEMBER_ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(), // SELLER | BUYER | OPERATOR
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    // when the user followed the verification link (null: not verified yet; sign-in does not wait for it)
    emailVerifiedAt: ts('email_verified_at'),
    // users made before teams existed were their organisation's only user: its owner
    memberRole: text('member_role').$type<MemberRole>().notNull().default('OWNER'),
    // removeMember: the row stays (orders, keys and history point at it), its e-mail is freed and it cannot sign in
    removedAt: ts('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_org_idx').on(t.organizationId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    // sha-256 of the bearer/cookie token; the token itself is never stored
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    // what the user sees in their sessions list: the browser's User-Agent (cut to 300) and the client IP
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sessions_token_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    // first characters of the key, shown in listings so a seller can tell keys apart
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    // what the key may do: 'leads:write' (submit, ping/post, CSV import) and opt-in 'leads:read';
    // keys made before scopes existed get 'leads:write' only
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`ARRAY['leads:write']::text[]`),
    // null: the key never expires
    expiresAt: ts('expires_at'),
    // updated at most once a minute per key, so a busy integration does not write on every call
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_org_idx').on(t.organizationId)],
);
