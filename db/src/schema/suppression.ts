// Suppression lists: keyed hashes (the vault's HMAC of a normalised phone or e-mail), never the contact itself.
// The global do-not-contact list refuses a lead outright; a buyer's own list hides its leads from that buyer.
import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { organizations } from './accounts';
import { createdAt, ts } from './columns';

// kind: PHONE | EMAIL; source: ERASURE (GDPR erasure of a lead) | DISPUTE (upheld NOT_INTERESTED) | OPERATOR (upload)
export const globalSuppressions = pgTable('global_suppressions', {
  hash: text('hash').primaryKey(),
  kind: text('kind').notNull(),
  source: text('source').notNull(),
  createdAt: createdAt(),
});

export const buyerSuppressions = pgTable(
  'buyer_suppressions',
  {
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    hash: text('hash').notNull(),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  // (buyer, hash): the marketplace's NOT EXISTS is a primary-key probe per candidate lead (phone, then e-mail)
  (t) => [primaryKey({ columns: [t.buyerOrgId, t.hash] })],
);

// When a list last changed (an add or a removal): `SuppressionList.updatedAt`. list: 'GLOBAL' or a buyer's org id.
export const suppressionListChanges = pgTable('suppression_list_changes', {
  list: text('list').primaryKey(),
  updatedAt: ts('updated_at').notNull(),
});
