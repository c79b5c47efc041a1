// Leads, the batches they arrive in, verification findings and the audit of contact reads.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts';
import { createdAt, id, money, ts } from './columns';
import type { BatchStatus, LeadStatus, LeadVerification, VerificationTaskStatus } from './statuses';

export const leadBatches = pgTable(
  'lead_batches',
  {
    id: id(),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    submittedBy: text('submitted_by'), // user id, or api key id for API submissions
    source: text('source').notNull(), // GRAPHQL | CSV | API_KEY | PING_POST | SEED
    total: integer('total').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    // PENDING_VERIFICATION until the spot-check worker gives a verdict (VERIFIED | FAILED); see batch.lifecycle.ts
    status: text('status').$type<BatchStatus>().notNull(),
    // spot-check outcome: how many leads were sampled, how many of those failed, and when it was decided
    sampleSize: integer('sample_size'),
    sampleFailed: integer('sample_failed'),
    verdictAt: ts('verdict_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('lead_batches_pending_idx')
      .on(t.createdAt)
      .where(sql`status = 'PENDING_VERIFICATION'`),
    index('lead_batches_seller_idx').on(t.sellerOrgId, t.createdAt),
    // the operator overview's spot-check verdicts a day (issue 15)
    index('lead_batches_verdict_idx')
      .on(t.verdictAt)
      .where(sql`verdict_at is not null`),
  ],
);

export const leads = pgTable(
  'leads',
  {
    id: id(),
    batchId: text('batch_id')
      .notNull()
      .references(() => leadBatches.id),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    externalId: text('external_id'),
    segment: text('segment').notNull(),
    subsegment: text('subsegment'),
    country: text('country').notNull(),
    region: text('region'),
    city: text('city'),
    postalCode: text('postal_code'),
    geoTier: text('geo_tier').notNull(),
    kind: text('kind').notNull(),
    temperature: text('temperature').notNull(),
    score: integer('score').notNull(),
    sourceChannel: text('source_channel').notNull(),
    capturedAt: ts('captured_at').notNull(),
    exclusivity: text('exclusivity').notNull(),
    maxSales: integer('max_sales').notNull(),
    salesCount: integer('sales_count').notNull().default(0),
    // capacity held by unpaid orders; sales_count + reserved_count never exceeds max_sales (a CHECK says so)
    reservedCount: integer('reserved_count').notNull().default(0),
    // see lead.lifecycle.ts for who moves it where
    status: text('status').$type<LeadStatus>().notNull(),
    verification: text('verification').$type<LeadVerification>().notNull().default('UNVERIFIED'),
    askingPrice: money('asking_price'),
    // current list price (minor units), kept fresh by repricing; indexed for price filters and sorts
    price: money('price').notNull(),
    currency: text('currency').notNull(),
    attributes: jsonb('attributes').notNull().default({}),
    // soft signals found at submission: [{ code, message }]
    signals: jsonb('signals').notNull().default([]),
    formFillSeconds: integer('form_fill_seconds'),
    // masked preview, safe to show to anyone who may browse
    previewName: text('preview_name').notNull(),
    previewPhone: text('preview_phone'),
    previewEmail: text('preview_email'),
    // AES-256-GCM sealed contact JSON (name, phone, e-mail, social URL, preferred time, consent)
    contactSealed: text('contact_sealed'),
    contactKeyId: text('contact_key_id'),
    // keyed HMAC-SHA256 of the normalized phone / e-mail, for duplicate detection
    phoneHash: text('phone_hash'),
    emailHash: text('email_hash'),
    ipHash: text('ip_hash'),
    erasedAt: ts('erased_at'),
    listedAt: ts('listed_at'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // drizzle's .desc() means DESC NULLS LAST, which cannot serve ORDER BY … DESC (NULLS FIRST): say it
    index('leads_seller_idx').on(t.sellerOrgId, t.capturedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('leads_batch_idx').on(t.batchId),
    // campaign figures (issue 15): the listings of the last 30 days a campaign's filter matches
    index('leads_listed_at_idx')
      .on(t.listedAt)
      .where(sql`listed_at is not null`),
    index('leads_phone_dup_idx')
      .on(t.segment, t.phoneHash, t.capturedAt)
      .where(sql`phone_hash is not null`),
    index('leads_email_dup_idx')
      .on(t.segment, t.emailHash, t.capturedAt)
      .where(sql`email_hash is not null`),
    // marketplace browse: partial indexes over listed leads only, one per sort order
    index('leads_listed_newest_idx')
      .on(t.capturedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'LISTED'`),
    index('leads_listed_price_idx')
      .on(t.price, t.id)
      .where(sql`status = 'LISTED'`),
    index('leads_listed_score_idx')
      .on(t.score.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'LISTED'`),
    index('leads_listed_segment_newest_idx')
      .on(t.segment, t.capturedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'LISTED'`),
    index('leads_listed_segment_price_idx')
      .on(t.segment, t.price, t.id)
      .where(sql`status = 'LISTED'`),
    index('leads_listed_geo_idx')
      .on(t.country, t.region, t.city)
      .where(sql`status = 'LISTED'`),
    index('leads_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'LISTED'`),
    // counting a segment's listed leads (totalCount) from the index alone, suspended sellers left out
    index('leads_listed_segment_expiry_idx')
      .on(t.segment, t.expiresAt, t.sellerOrgId)
      .where(sql`status = 'LISTED'`),
    check('leads_capacity_ck', sql`sales_count >= 0 AND reserved_count >= 0 AND sales_count + reserved_count <= max_sales`),
    uniqueIndex('leads_seller_external_uq')
      .on(t.sellerOrgId, t.externalId)
      .where(sql`external_id is not null`),
  ],
);

// Findings about a lead or a rejected batch row: hard-check errors, soft-signal warnings, spot-check results.
export const verificationResults = pgTable(
  'verification_results',
  {
    id: id(),
    batchId: text('batch_id')
      .notNull()
      .references(() => leadBatches.id),
    leadId: text('lead_id').references(() => leads.id),
    rowIndex: integer('row_index').notNull(),
    stage: text('stage').notNull(), // SUBMISSION | SPOT_CHECK
    code: text('code').notNull(),
    field: text('field'),
    message: text('message').notNull(),
    severity: text('severity').notNull(), // ERROR | WARNING
    createdAt: createdAt(),
  },
  (t) => [index('verification_results_batch_idx').on(t.batchId, t.rowIndex), index('verification_results_lead_idx').on(t.leadId)],
);

// Every read of a lead's contact data, by whom and why.
export const contactReads = pgTable(
  'contact_reads',
  {
    id: id(),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    userId: text('user_id').references(() => users.id),
    organizationId: text('organization_id').notNull(),
    purpose: text('purpose').notNull(), // OWNER | OPERATOR | BUYER | ERASURE
    createdAt: createdAt(),
  },
  (t) => [index('contact_reads_lead_idx').on(t.leadId, t.createdAt)],
);

// Lead submissions and other money-moving mutations replay their first answer for the same key.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(), // e.g. organization id + mutation name
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_keys_uq').on(t.scope, t.key)],
);

// Manual spot-check work for operators: call the sampled person and record what happened.
export const verificationTasks = pgTable(
  'verification_tasks',
  {
    id: id(),
    batchId: text('batch_id')
      .notNull()
      .references(() => leadBatches.id),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    status: text('status').$type<VerificationTaskStatus>().notNull(), // see verification-task.lifecycle.ts
    outcome: text('outcome'), // REACHABLE | WRONG_NUMBER | NOT_INTERESTED | NO_ANSWER
    note: text('note'),
    doneBy: text('done_by').references(() => users.id),
    createdAt: createdAt(),
    doneAt: ts('done_at'),
  },
  (t) => [
    uniqueIndex('verification_tasks_lead_uq').on(t.batchId, t.leadId),
    index('verification_tasks_open_idx')
      .on(t.createdAt)
      .where(sql`status = 'OPEN'`),
    // the operators' spot-check table of either status, oldest first (issue 15)
    index('verification_tasks_status_created_idx').on(t.status, t.createdAt),
  ],
);
