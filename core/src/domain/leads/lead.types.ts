// Types shared by the lead rules and services: a parsed lead submission, its findings, segment definitions.
// A lead's statuses are the database's unions (db/src/schema/statuses.ts), re-exported here for the lead code.
export { LEAD_STATUSES, LEAD_VERIFICATIONS, type LeadStatus, type LeadVerification } from '@leadex/db';
import type { DistributionMethod, MarginPolicy } from '../exchange/distribution.types';

export const LEAD_KINDS = ['QUICK', 'REGISTRATION', 'PROMOTIONAL', 'INTERESTED'] as const;
export const TEMPERATURES = ['COLD', 'WARM', 'HOT'] as const;
export const EXCLUSIVITIES = ['EXCLUSIVE', 'SHARED'] as const;
export const GEO_TIERS = ['TIER_1', 'TIER_2', 'TIER_3'] as const;
export const SOURCE_CHANNELS = ['SEO', 'CONTEXT_ADS', 'SOCIAL', 'EMAIL', 'CPA_NETWORK', 'OFFLINE_EVENT', 'COLD_CALL', 'REFERRAL', 'OTHER'] as const;

export type LeadKind = (typeof LEAD_KINDS)[number];
export type Temperature = (typeof TEMPERATURES)[number];
export type Exclusivity = (typeof EXCLUSIVITIES)[number];
export type GeoTier = (typeof GEO_TIERS)[number];
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export interface ConsentInput {
  text: string;
  timestamp: Date;
  ip?: string | null;
  pageUrl?: string | null;
  /** a consent certificate (consent_certificates) that backs this lead */
  certificateId?: string | null;
}

/** One lead as submitted, after its shape was validated (types, lengths, enums); content not yet checked. */
export interface TLeadInput {
  segment: string;
  subsegment?: string | null;
  country: string; // ISO 3166-1 alpha-2, upper-cased
  region?: string | null; // ISO 3166-2, e.g. "US-CA"
  city?: string | null;
  postalCode?: string | null;
  fullName: string;
  phone?: string | null;
  email?: string | null;
  socialUrl?: string | null;
  preferredContactTime?: string | null;
  kind: LeadKind;
  temperature?: Temperature | null;
  sourceChannel: SourceChannel;
  capturedAt: Date;
  consent: ConsentInput;
  attributes?: Record<string, unknown> | null;
  exclusivity: Exclusivity;
  maxSales?: number | null;
  askingPrice?: number | null; // minor units
  formFillSeconds?: number | null;
  ip?: string | null;
  userAgent?: string | null;
  externalId?: string | null;
}

export type IssueSeverity = 'ERROR' | 'WARNING';

/** A finding about one lead: an ERROR rejects it, a WARNING lowers its score. */
export interface LeadIssue {
  code: string; // machine-readable, SCREAMING_SNAKE (e.g. PHONE_INVALID, DISPOSABLE_EMAIL)
  field: string | null; // the input field it concerns, e.g. "phone", "attributes.vehicleYear"
  message: string;
  severity: IssueSeverity;
}

export type AttributeType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'enum';

export interface AttributeField {
  name: string;
  type: AttributeType;
  label: string;
  required?: boolean;
  /** required only for these subsegments */
  requiredFor?: string[];
  /** asked only for these subsegments (Insurance: the vehicle for CASCO and OSAGO); unset: the whole segment */
  appliesTo?: string[];
  min?: number; // numbers: value bounds; strings: length bounds
  max?: number;
  values?: string[]; // enum values
}

export interface SegmentDefinition {
  code: string;
  name: string;
  subsegments: { code: string; name: string }[];
  attributeSchema: { fields: AttributeField[] };
  commissionBps: number;
  returnWindowHours: number;
  ttlDays: number;
  failedBatchPolicy: 'DISCOUNT' | 'REJECT';
  verificationProvider: string;
  failureThresholdBps: number;
  /** a lead of the segment must come with a consent certificate */
  requireConsentCertificate?: boolean;
  /** how the exchange distributes the segment's leads among campaigns (exchange/distribution.rules.ts); AUCTION when absent */
  distributionMethod?: DistributionMethod;
  /** the platform's margin on the segment's exchange sales (exchange/margin.rules.ts); none when absent */
  margin?: MarginPolicy;
}

/** Normalized contact, what is sealed and hashed. */
export interface NormalizedContact {
  fullName: string;
  phoneE164: string | null;
  phoneCountry: string | null; // country the number belongs to
  email: string | null; // lower-cased
  socialUrl: string | null;
  preferredContactTime: string | null;
}

/** Facts about the rest of the world that soft signals need; gathered by the service before the rules run. */
export interface SignalContext {
  now: Date;
  /** true when the same normalized phone or e-mail exists in the segment within 90 days (any seller, or earlier in this batch) */
  duplicatePhone: boolean;
  duplicateEmail: boolean;
  /** how many leads in this batch share this lead's IP */
  leadsFromSameIpInBatch: number;
  /** how the consent certificate says the form was filled in (FAST_FORM_FILL, CONTACT_PASTED): measured, so it
   * replaces a seller-reported signal of the same code, and like every soft signal it lowers the score */
  certificateSignals?: readonly LeadIssue[];
}
