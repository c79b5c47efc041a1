// Exchange mode: buyers' prepaid wallets (top-ups), standing campaigns that bid on leads as they are
// listed, ping-post offers, and delivery of sold leads to buyers' delivery endpoints (webhook, mapped HTTP, e-mail).
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizations } from './accounts';
import { createdAt, id, money, ts } from './columns';
import { leads } from './leads';
import { purchases } from './orders';
import type { CampaignKind, DeliveryEndpointKind, DeliveryStatus, WalletTopUpStatus } from './statuses';

export const walletTopUps = pgTable(
  'wallet_top_ups',
  {
    id: id(),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<WalletTopUpStatus>().notNull(), // see wallet-top-up.lifecycle.ts
    checkoutSessionId: text('checkout_session_id'),
    paymentIntentId: text('payment_intent_id'),
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
    paidAt: ts('paid_at'),
  },
  (t) => [
    uniqueIndex('wallet_top_ups_idem_uq')
      .on(t.buyerOrgId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
  ],
);

export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    filter: jsonb('filter').notNull(),
    maxBid: money('max_bid').notNull(),
    exclusivity: text('exclusivity').notNull(),
    dailyCap: integer('daily_cap'),
    budget: money('budget'),
    spent: money('spent').notNull().default(0),
    // [{ days: ['MON', …], from: '09:00', to: '18:00' }] in the campaign's time zone; empty = always
    schedule: jsonb('schedule').notNull().default([]),
    timeZone: text('time_zone').notNull().default('UTC'),
    // the campaign's status, ACTIVE (true) or PAUSED (false): see campaign.lifecycle.ts
    active: boolean('active').notNull().default(true),
    // why the platform paused it (a remote buyer's failing endpoint); null when the buyer paused it or it is active
    pausedReason: text('paused_reason'),
    currency: text('currency').notNull(),
    // where the campaign's wins are delivered: one of its buyer's endpoints; null = the buyer's default endpoint
    deliveryEndpointId: text('delivery_endpoint_id').references((): AnyPgColumn => webhookEndpoints.id),
    // PRIORITY distribution: higher tiers are served first; WEIGHTED distribution: the share of the draw (≥ 1)
    priority: integer('priority').notNull().default(0),
    weight: integer('weight').notNull().default(1),
    // ROUND_ROBIN distribution: campaign_allocation_seq's value at the campaign's last win (null: never won)
    lastAllocatedSeq: bigint('last_allocated_seq', { mode: 'number' }),
    // INTERNAL: Leadex bids maxBid for the buyer; REMOTE: the buyer's system answers a ping with its bid (issue 14)
    kind: text('kind').$type<CampaignKind>().notNull().default('INTERNAL'),
    pingUrl: text('ping_url'),
    postUrl: text('post_url'),
    // JSON paths into the buyer's ping answer: { bid, reference?, pass? } (remote-response.rules.ts)
    responseMapping: jsonb('response_mapping'),
    // the ping's own deadline; null = REMOTE_PING_TIMEOUT_MS
    pingTimeoutMs: integer('ping_timeout_ms'),
    createdAt: createdAt(),
  },
  (t) => [
    index('campaigns_active_idx')
      .on(t.exclusivity)
      .where(sql`active`),
    index('campaigns_buyer_idx').on(t.buyerOrgId),
    // the REMOTE campaigns an auction pings, found before its transaction without reading the internal ones
    index('campaigns_remote_idx')
      .on(t.exclusivity)
      .where(sql`active and kind = 'REMOTE'`),
  ],
);

// Orders campaign wins across processes for ROUND_ROBIN distribution (campaigns.last_allocated_seq).
export const campaignAllocationSeq = pgSequence('campaign_allocation_seq');

// One row per lead a campaign won: the daily cap counts these.
export const campaignWins = pgTable(
  'campaign_wins',
  {
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    purchaseId: text('purchase_id')
      .notNull()
      .references(() => purchases.id),
    price: money('price').notNull(),
    wonAt: ts('won_at').notNull(),
  },
  (t) => [uniqueIndex('campaign_wins_uq').on(t.campaignId, t.leadId), index('campaign_wins_day_idx').on(t.campaignId, t.wonAt)],
);

export const pings = pgTable(
  'pings',
  {
    id: id(),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    fields: jsonb('fields').notNull(),
    price: money('price').notNull(),
    currency: text('currency').notNull(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    // a REMOTE winner's own reference from its ping answer, sent back to it in the post
    remoteReference: text('remote_reference'),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('pings_seller_idx').on(t.sellerOrgId, t.createdAt)],
);

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organizations.id),
    // a buyer's delivery endpoints (issue 14): WEBHOOK (signed JSON), HTTP_MAPPED (a mapping template), EMAIL
    name: text('name').notNull().default('Webhook'),
    kind: text('kind').$type<DeliveryEndpointKind>().notNull().default('WEBHOOK'),
    // WEBHOOK and HTTP_MAPPED: where to POST; EMAIL: null
    url: text('url'),
    // HTTP_MAPPED: { mapping: { format, fields } }; EMAIL: { recipients } (delivery-mapping.rules.ts); WEBHOOK: {}
    settings: jsonb('settings').notNull().default({}),
    // the signing secret, sealed like contact data (the platform must sign with it, so it cannot be hashed)
    secretSealed: text('secret_sealed').notNull(),
    secretKeyId: text('secret_key_id').notNull(),
    active: boolean('active').notNull().default(true),
    // marketplace purchases and campaigns without an endpoint of their own go to the buyer's default endpoint.
    // Default true so the migration makes each buyer's existing (single active) endpoint its default; new rows
    // always set it.
    isDefault: boolean('is_default').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_endpoints_buyer_idx').on(t.buyerOrgId),
    uniqueIndex('webhook_endpoints_default_uq')
      .on(t.buyerOrgId)
      .where(sql`active and is_default`),
  ],
);

export const deliveries = pgTable(
  'deliveries',
  {
    id: id(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    purchaseId: text('purchase_id')
      .notNull()
      .references(() => purchases.id),
    status: text('status').$type<DeliveryStatus>().notNull(), // see delivery.lifecycle.ts
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    // when the queue tries a PENDING delivery again after a refused attempt (issue 15); null when none is due
    nextAttemptAt: ts('next_attempt_at'),
    createdAt: createdAt(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [uniqueIndex('deliveries_uq').on(t.endpointId, t.purchaseId)],
);

export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: id(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id),
    attempt: integer('attempt').notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    // the first 2 KB of what the endpoint answered (issue 15), for the buyer's deliveries page
    responseBody: text('response_body'),
    durationMs: integer('duration_ms').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);
