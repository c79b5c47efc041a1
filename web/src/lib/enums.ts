// The API's enums as ordered lists with labels, for selects, checkbox groups and badges.
import type { Exclusivity, GeoTier, LeadKind, LeadSort, LeadStatus, SourceChannel, Temperature } from '../gql/graphql';

export const GEO_TIERS: readonly GeoTier[] = ['TIER_1', 'TIER_2', 'TIER_3'];
export const LEAD_KINDS: readonly LeadKind[] = ['QUICK', 'REGISTRATION', 'PROMOTIONAL', 'INTERESTED'];
export const TEMPERATURES: readonly Temperature[] = ['COLD', 'WARM', 'HOT'];
export const EXCLUSIVITIES: readonly Exclusivity[] = ['EXCLUSIVE', 'SHARED'];
export const LEAD_SORTS: readonly LeadSort[] = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'SCORE_DESC'];
export const LEAD_STATUSES: readonly LeadStatus[] = ['PENDING_VERIFICATION', 'LISTED', 'REJECTED', 'SOLD_OUT', 'EXPIRED', 'WITHDRAWN'];
export const SOURCE_CHANNELS: readonly SourceChannel[] = [
  'SEO',
  'CONTEXT_ADS',
  'SOCIAL',
  'EMAIL',
  'CPA_NETWORK',
  'OFFLINE_EVENT',
  'COLD_CALL',
  'REFERRAL',
  'OTHER',
];

const SPECIAL_LABELS: Record<string, string> = {
  TIER_1: 'Tier 1 (capital / major metro)',
  TIER_2: 'Tier 2',
  TIER_3: 'Tier 3',
  NEWEST: 'Newest first',
  PRICE_ASC: 'Price: low to high',
  PRICE_DESC: 'Price: high to low',
  SCORE_DESC: 'Best score first',
  SEO: 'SEO',
  CPA_NETWORK: 'CPA network',
  SOLD_OUT: 'Sold out',
};

/** "PENDING_VERIFICATION" → "Pending verification"; a few codes have hand-written labels. */
export function enumLabel(value: string): string {
  const special = SPECIAL_LABELS[value];
  if (special) return special;
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
