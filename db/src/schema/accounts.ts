// Organizations, their users, sign-in sessions and sellers' API keys.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns';

export const organizations = pgTable('organizations', {
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
});

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
