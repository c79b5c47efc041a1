// Segments, geography tiers and the operator-editable price grid.
import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './accounts';
import { createdAt, money } from './columns';

export const segments = pgTable('segments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  // commission in basis points of the sale price (2000 = 20%)
  commissionBps: integer('commission_bps').notNull().default(2000),
  returnWindowHours: integer('return_window_hours').notNull().default(72),
  ttlDays: integer('ttl_days').notNull().default(30),
  // what happens to a batch whose spot-check fails: DISCOUNT (listed unverified) or REJECT
  failedBatchPolicy: text('failed_batch_policy').notNull().default('DISCOUNT'),
  // who checks a spot-check sample: 'automatic' (deterministic deeper checks) or 'manual' (operator calls)
  verificationProvider: text('verification_provider').notNull().default('automatic'),
  // the highest sample failure rate (basis points) at which a batch still passes
  failureThresholdBps: integer('failure_threshold_bps').notNull().default(1000),
  // per-segment attribute schema: { fields: [{ name, type, required, ... }] }
  attributeSchema: jsonb('attribute_schema').notNull().default({ fields: [] }),
  // a lead of this segment must come with a consent certificate (consent_certificates)
  requireConsentCertificate: boolean('require_consent_certificate').notNull().default(false),
  // how the exchange distributes a listed lead among campaigns: AUCTION, PRIORITY, ROUND_ROBIN or WEIGHTED (distribution.rules.ts)
  distributionMethod: text('distribution_method').notNull().default('AUCTION'),
  // the platform's margin on exchange sales, carved from the buyer price before the commission (margin.rules.ts):
  // NONE, FIXED (margin_value in minor units) or PERCENT (margin_value in basis points)
  marginKind: text('margin_kind').notNull().default('NONE'),
  marginValue: money('margin_value').notNull().default(0),
  createdAt: createdAt(),
});

export const subsegments = pgTable(
  'subsegments',
  {
    segmentCode: text('segment_code')
      .notNull()
      .references(() => segments.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentCode, t.code] })],
);

// Geo tiers: a row per country (region '' and city ''), region (city '') or city.
export const geoAreas = pgTable(
  'geo_areas',
  {
    country: text('country').notNull(),
    region: text('region').notNull().default(''),
    city: text('city').notNull().default(''),
    tier: text('tier').notNull(),
  },
  (t) => [primaryKey({ columns: [t.country, t.region, t.city] })],
);

// Base price per segment, subsegment ('' = any) and geo tier, in minor units.
export const priceGrid = pgTable(
  'price_grid',
  {
    segmentCode: text('segment_code')
      .notNull()
      .references(() => segments.code),
    subsegment: text('subsegment').notNull().default(''),
    geoTier: text('geo_tier').notNull(),
    baseAmount: money('base_amount').notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentCode, t.subsegment, t.geoTier] })],
);

// Multiplicative factors and freshness parameters, by name (see pricing.rules.ts for the names).
export const priceFactors = pgTable('price_factors', {
  name: text('name').primaryKey(),
  value: numeric('value', { precision: 10, scale: 4 }).notNull(),
});

// Volume discount tiers for bulk orders.
export const volumeDiscounts = pgTable('volume_discounts', {
  minQuantity: integer('min_quantity').primaryKey(),
  discountBps: integer('discount_bps').notNull(),
});

// Buyers' reported outcomes per seller and segment, and the price factor they earn (conversion.rules.ts).
// A stored copy recounted from purchases whenever a buyer reports an outcome; no row = factor 1.
export const sellerSegmentConversion = pgTable(
  'seller_segment_conversion',
  {
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    segment: text('segment')
      .notNull()
      .references(() => segments.code),
    outcomes: integer('outcomes').notNull().default(0),
    conversions: integer('conversions').notNull().default(0),
    factor: numeric('factor', { precision: 6, scale: 4, mode: 'number' }).notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerOrgId, t.segment] }), index('seller_segment_conversion_segment_idx').on(t.segment)],
);
