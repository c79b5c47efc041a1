// Remote bidding (issue 14): every ping to and post to a REMOTE campaign's endpoints, with its latency, bid and
// outcome, for the buyer, the operator and the endpoint-health check that pauses failing buyers.
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { id, money, ts } from './columns';
import { campaigns } from './exchange';
import type { RemoteCallKind, RemoteCallOutcome } from './statuses';

export const remoteCalls = pgTable(
  'remote_calls',
  {
    id: id(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    // the lead auctioned, or null for a seller's ping (no lead exists yet); no foreign key: a log outlives an erased lead
    leadId: text('lead_id'),
    kind: text('kind').$type<RemoteCallKind>().notNull(),
    latencyMs: integer('latency_ms').notNull(),
    // the bid the buyer answered, in minor units (PING with outcome BID)
    bid: money('bid'),
    // the buyer's own reference for its bid, as answered (at most 100 characters)
    reference: text('reference'),
    outcome: text('outcome').$type<RemoteCallOutcome>().notNull(),
    httpStatus: integer('http_status'),
    at: ts('at').notNull(),
  },
  (t) => [index('remote_calls_campaign_idx').on(t.campaignId, t.at)],
);
