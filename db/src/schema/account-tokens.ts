// Single-use tokens sent by e-mail: password reset and e-mail address verification. Only their sha-256 is stored.
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { createdAt, id, ts } from './columns';

export const ACCOUNT_TOKEN_KINDS = ['PASSWORD_RESET', 'EMAIL_VERIFICATION'] as const;
export type AccountTokenKind = (typeof ACCOUNT_TOKEN_KINDS)[number];

export const accountTokens = pgTable(
  'account_tokens',
  {
    id: id(),
    kind: text('kind').$type<AccountTokenKind>().notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    // the address the mail went to: a verification token proves this address, not whatever the account has later
    email: text('email').notNull(),
    expiresAt: ts('expires_at').notNull(),
    // set when used, or when a newer token of the same kind replaced it
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('account_tokens_hash_uq').on(t.tokenHash), index('account_tokens_user_kind_idx').on(t.userId, t.kind)],
);
