// Two-factor sign-in (TOTP): each user's authenticator secret, their one-time recovery codes, and the short-lived
// challenges a password sign-in hands out while the second factor is still owed.
import { bigint, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { createdAt, id, ts } from './columns';

export const totpCredentials = pgTable('totp_credentials', {
  // one authenticator per user: starting a new enrolment replaces a pending one, never a confirmed one
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  // the base32 secret, sealed like contact data (the platform must compute codes with it, so it cannot be hashed)
  secretSealed: text('secret_sealed').notNull(),
  secretKeyId: text('secret_key_id').notNull(),
  // null while the enrolment waits for its first code; set, two-factor sign-in is on
  confirmedAt: ts('confirmed_at'),
  // the TOTP time step of the last accepted code: a code is accepted once (no replay within its window)
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    // sha-256 of the normalized code (80 random bits); the code itself is shown once
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_uq').on(t.userId, t.codeHash)],
);

export const twoFactorChallenges = pgTable(
  'two_factor_challenges',
  {
    id: id(),
    // sha-256 of the challenge token signIn returned
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: ts('expires_at').notNull(),
    // wrong codes against this challenge; past the limit it is spent (the sign-in guard counts them too)
    failedAttempts: integer('failed_attempts').notNull().default(0),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('two_factor_challenges_token_uq').on(t.tokenHash), index('two_factor_challenges_user_idx').on(t.userId)],
);
