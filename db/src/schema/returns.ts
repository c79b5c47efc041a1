// Return policies (issue 14): what a buyer may return, how, and how often. A row is either a segment's policy
// (segment set, buyer empty) or an operator's override for one buyer (buyer set, segment empty); every field
// may be null, meaning "inherit" (buyer override → segment policy → the platform defaults in
// core/src/domain/disputes/return-policy.rules.ts).
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts';
import { segments } from './catalog';
import { createdAt, id, ts } from './columns';

/** What an accepted return gives the buyer: the money back (card or wallet, as paid), a wallet credit, or another lead. */
export const RETURN_REMEDIES = ['REFUND', 'WALLET_CREDIT', 'REPLACEMENT'] as const;
export type ReturnRemedy = (typeof RETURN_REMEDIES)[number];

/** One automatic acceptance rule: a return for `reason` opened within `withinHours` of the purchase is accepted at once. */
export interface ReturnAutoAcceptRule {
  reason: string;
  withinHours: number;
}

export const returnPolicies = pgTable(
  'return_policies',
  {
    id: id(),
    segment: text('segment').references(() => segments.code),
    buyerOrgId: text('buyer_org_id').references(() => organizations.id),
    windowHours: integer('window_hours'),
    allowedReasons: jsonb('allowed_reasons').$type<string[]>(),
    autoAccept: jsonb('auto_accept').$type<ReturnAutoAcceptRule[]>(),
    // the cap on the buyer's return rate: whole percent of purchases, over the look-back, counted from this many purchases
    maxReturnRatePercent: integer('max_return_rate_percent'),
    rateLookbackDays: integer('rate_lookback_days'),
    rateMinPurchases: integer('rate_min_purchases'),
    allowedRemedies: jsonb('allowed_remedies').$type<ReturnRemedy[]>(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('return_policies_scope_ck', sql`(segment IS NULL) <> (buyer_org_id IS NULL)`),
    uniqueIndex('return_policies_segment_uq')
      .on(t.segment)
      .where(sql`buyer_org_id IS NULL`),
    uniqueIndex('return_policies_buyer_uq')
      .on(t.buyerOrgId)
      .where(sql`segment IS NULL`),
  ],
);
