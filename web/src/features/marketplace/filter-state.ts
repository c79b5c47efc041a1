// The marketplace filter as state: URL query string ⇄ FilterState ⇄ LeadFilter, and its validation.
// Pure functions (no React, no URL of the window) so they are unit-tested on their own.
//
// URL format: one key per LeadFilter field, lists as repeated keys (`?segment=INSURANCE&segment=FINANCE`;
// commas are accepted too for codes typed by hand), booleans as `1`, the sort as `sort=PRICE_ASC`.
// Defaults are left out, so an unfiltered marketplace is a bare `/marketplace`.
import type { Exclusivity, GeoTier, LeadFilter, LeadKind, LeadSort, Temperature } from '../../gql/graphql';
import { EXCLUSIVITIES, GEO_TIERS, LEAD_KINDS, LEAD_SORTS, TEMPERATURES, isOneOf } from '../../lib/enums';

export interface FilterState {
  segments: string[];
  subsegments: string[];
  countries: string[];
  regions: string[];
  cities: string[];
  geoTiers: GeoTier[];
  kinds: LeadKind[];
  temperatures: Temperature[];
  exclusivity: Exclusivity | null;
  verifiedOnly: boolean;
  /** numbers and decimals are kept as typed, so a bad value can be shown next to its input */
  maxAgeHours: string;
  minPrice: string;
  maxPrice: string;
  minSellerQuality: string;
  sort: LeadSort;
}

export type FilterField = keyof FilterState;
export type FilterErrors = Partial<Record<FilterField, string>>;

export const DEFAULT_SORT: LeadSort = 'NEWEST';

export const EMPTY_FILTER: FilterState = {
  segments: [],
  subsegments: [],
  countries: [],
  regions: [],
  cities: [],
  geoTiers: [],
  kinds: [],
  temperatures: [],
  exclusivity: null,
  verifiedOnly: false,
  maxAgeHours: '',
  minPrice: '',
  maxPrice: '',
  minSellerQuality: '',
  sort: DEFAULT_SORT,
};

/** The query-string key of each field (singular, as each repeated key holds one value). */
export const URL_KEYS: Record<FilterField, string> = {
  segments: 'segment',
  subsegments: 'subsegment',
  countries: 'country',
  regions: 'region',
  cities: 'city',
  geoTiers: 'tier',
  kinds: 'kind',
  temperatures: 'temperature',
  exclusivity: 'exclusivity',
  verifiedOnly: 'verified',
  maxAgeHours: 'maxAge',
  minPrice: 'minPrice',
  maxPrice: 'maxPrice',
  minSellerQuality: 'minQuality',
  sort: 'sort',
};

// API limits (core/src/domain/leads/lead-filter.ts)
const MAX_LIST = 200;
const MAX_AGE_HOURS = 24 * 365;
const DECIMAL = /^\d{1,10}(\.\d{1,4})?$/;
const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const CODE_LIST_FIELDS = ['segments', 'subsegments', 'countries', 'regions'] as const;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** "us, gb ,,de" → ["US", "GB", "DE"] (codes) or the trimmed pieces as typed (cities). */
export function splitList(text: string, options: { upper?: boolean } = {}): string[] {
  return unique(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (options.upper ? s.toUpperCase() : s)),
  );
}

export function joinList(values: readonly string[]): string {
  return values.join(', ');
}

function readCodes(params: URLSearchParams, key: string): string[] {
  return unique(params.getAll(key).flatMap((v) => splitList(v, { upper: true })));
}

function readEnums<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] {
  const wanted = new Set(readCodes(params, key));
  return allowed.filter((v) => wanted.has(v));
}

/** The filter a URL describes. Unknown enum values are dropped; numbers stay as written (see validateFilterState). */
export function parseFilterState(params: URLSearchParams): FilterState {
  const text = (field: FilterField) => (params.get(URL_KEYS[field]) ?? '').trim();
  const exclusivity = text('exclusivity').toUpperCase();
  const sort = text('sort').toUpperCase();
  const verified = text('verifiedOnly').toLowerCase();
  return {
    segments: readCodes(params, URL_KEYS.segments),
    subsegments: readCodes(params, URL_KEYS.subsegments),
    countries: readCodes(params, URL_KEYS.countries),
    regions: readCodes(params, URL_KEYS.regions),
    cities: unique(
      params
        .getAll(URL_KEYS.cities)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
    geoTiers: readEnums(params, URL_KEYS.geoTiers, GEO_TIERS),
    kinds: readEnums(params, URL_KEYS.kinds, LEAD_KINDS),
    temperatures: readEnums(params, URL_KEYS.temperatures, TEMPERATURES),
    exclusivity: isOneOf(EXCLUSIVITIES, exclusivity) ? exclusivity : null,
    verifiedOnly: verified === '1' || verified === 'true',
    maxAgeHours: text('maxAgeHours'),
    minPrice: text('minPrice'),
    maxPrice: text('maxPrice'),
    minSellerQuality: text('minSellerQuality'),
    sort: isOneOf(LEAD_SORTS, sort) ? sort : DEFAULT_SORT,
  };
}

/** The URL query of a filter, defaults left out, keys in a fixed order (so equal filters give equal URLs). */
export function filterStateToSearchParams(state: FilterState): URLSearchParams {
  const params = new URLSearchParams();
  const list = (field: FilterField, values: readonly string[]) => values.forEach((v) => params.append(URL_KEYS[field], v));
  const scalar = (field: FilterField, value: string) => {
    if (value.trim()) params.set(URL_KEYS[field], value.trim());
  };
  list('segments', state.segments);
  list('subsegments', state.subsegments);
  list('countries', state.countries);
  list('regions', state.regions);
  list('cities', state.cities);
  list('geoTiers', state.geoTiers);
  list('kinds', state.kinds);
  list('temperatures', state.temperatures);
  if (state.exclusivity) params.set(URL_KEYS.exclusivity, state.exclusivity);
  if (state.verifiedOnly) params.set(URL_KEYS.verifiedOnly, '1');
  scalar('maxAgeHours', state.maxAgeHours);
  scalar('minPrice', state.minPrice);
  scalar('maxPrice', state.maxPrice);
  scalar('minSellerQuality', state.minSellerQuality);
  if (state.sort !== DEFAULT_SORT) params.set(URL_KEYS.sort, state.sort);
  return params;
}

function wholeNumberIn(value: string, min: number, max: number): boolean {
  return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
}

/** What is wrong with a filter, per field; empty when it can be sent (the API's own limits, checked early). */
export function validateFilterState(state: FilterState): FilterErrors {
  const errors: FilterErrors = {};
  for (const field of [...CODE_LIST_FIELDS, 'cities'] as const) {
    if (state[field].length > MAX_LIST) errors[field] = `At most ${MAX_LIST} values.`;
  }
  const badCountries = state.countries.filter((c) => !COUNTRY.test(c));
  if (badCountries.length) errors.countries = `Use two-letter country codes (ISO 3166-1, e.g. US, GB): ${badCountries.join(', ')}.`;
  const badRegions = state.regions.filter((r) => !REGION.test(r));
  if (badRegions.length) errors.regions = `Use region codes like US-CA or RU-MOW (ISO 3166-2): ${badRegions.join(', ')}.`;
  if (state.cities.some((c) => c.length > 100)) errors.cities = 'A city name has at most 100 characters.';
  if (state.maxAgeHours && !wholeNumberIn(state.maxAgeHours, 1, MAX_AGE_HOURS)) {
    errors.maxAgeHours = `A whole number of hours from 1 to ${MAX_AGE_HOURS}.`;
  }
  const priceMessage = 'An amount like 12.50 (up to 4 decimals).';
  if (state.minPrice && !DECIMAL.test(state.minPrice)) errors.minPrice = priceMessage;
  if (state.maxPrice && !DECIMAL.test(state.maxPrice)) errors.maxPrice = priceMessage;
  if (state.minPrice && state.maxPrice && !errors.minPrice && !errors.maxPrice && Number(state.minPrice) > Number(state.maxPrice)) {
    errors.maxPrice = 'The maximum price must be at least the minimum price.';
  }
  if (state.minSellerQuality && !wholeNumberIn(state.minSellerQuality, 0, 100)) {
    errors.minSellerQuality = 'A whole number from 0 to 100.';
  }
  return errors;
}

export function hasErrors(errors: FilterErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The LeadFilter to send: only the fields that are set (assumes a state without validation errors). */
export function toLeadFilter(state: FilterState): LeadFilter {
  const filter: LeadFilter = {};
  if (state.segments.length) filter.segments = [...state.segments];
  if (state.subsegments.length) filter.subsegments = [...state.subsegments];
  if (state.countries.length) filter.countries = [...state.countries];
  if (state.regions.length) filter.regions = [...state.regions];
  if (state.cities.length) filter.cities = [...state.cities];
  if (state.geoTiers.length) filter.geoTiers = [...state.geoTiers];
  if (state.kinds.length) filter.kinds = [...state.kinds];
  if (state.temperatures.length) filter.temperatures = [...state.temperatures];
  if (state.exclusivity) filter.exclusivity = state.exclusivity;
  if (state.verifiedOnly) filter.verifiedOnly = true;
  if (state.maxAgeHours) filter.maxAgeHours = Number(state.maxAgeHours);
  if (state.minPrice) filter.minPrice = state.minPrice;
  if (state.maxPrice) filter.maxPrice = state.maxPrice;
  if (state.minSellerQuality) filter.minSellerQuality = Number(state.minSellerQuality);
  return filter;
}

/** The state showing a LeadFilter (the inverse of toLeadFilter; `statuses` is not a marketplace filter). */
export function fromLeadFilter(filter: LeadFilter | null | undefined, sort: LeadSort = DEFAULT_SORT): FilterState {
  const f = filter ?? {};
  return {
    segments: [...(f.segments ?? [])],
    subsegments: [...(f.subsegments ?? [])],
    countries: [...(f.countries ?? [])],
    regions: [...(f.regions ?? [])],
    cities: [...(f.cities ?? [])],
    geoTiers: [...(f.geoTiers ?? [])],
    kinds: [...(f.kinds ?? [])],
    temperatures: [...(f.temperatures ?? [])],
    exclusivity: f.exclusivity ?? null,
    verifiedOnly: f.verifiedOnly === true,
    maxAgeHours: f.maxAgeHours == null ? '' : String(f.maxAgeHours),
    minPrice: f.minPrice ?? '',
    maxPrice: f.maxPrice ?? '',
    minSellerQuality: f.minSellerQuality == null ? '' : String(f.minSellerQuality),
    sort,
  };
}

/**
 * A filter being edited: the location lists are kept as typed ("US, gb") until they are applied, so a
 * comma being typed does not jump around. Shared by the marketplace's filter panel and the campaign form.
 */
export interface FilterDraft {
  state: FilterState;
  countries: string;
  regions: string;
  cities: string;
}

export function toFilterDraft(state: FilterState): FilterDraft {
  return { state, countries: joinList(state.countries), regions: joinList(state.regions), cities: joinList(state.cities) };
}

export function fromFilterDraft(draft: FilterDraft): FilterState {
  return {
    ...draft.state,
    countries: splitList(draft.countries, { upper: true }),
    regions: splitList(draft.regions, { upper: true }),
    cities: splitList(draft.cities),
  };
}

export interface MarketplaceQueryState {
  state: FilterState;
  errors: FilterErrors;
  /** null when the URL holds a filter the API would refuse */
  variables: { filter: LeadFilter | null; sort: LeadSort } | null;
}

/** URL → what to ask the API for (or the errors that stop us asking). */
export function marketplaceQueryFromUrl(params: URLSearchParams): MarketplaceQueryState {
  const state = parseFilterState(params);
  const errors = validateFilterState(state);
  if (hasErrors(errors)) return { state, errors, variables: null };
  const filter = toLeadFilter(state);
  return { state, errors, variables: { filter: Object.keys(filter).length ? filter : null, sort: state.sort } };
}

export interface SegmentOption {
  code: string;
  name: string;
  subsegments: readonly { code: string; name: string }[];
}

/** Subsegments offered for the chosen segments (none until a segment is chosen), labelled with their segment. */
export function subsegmentOptions(catalog: readonly SegmentOption[], segments: readonly string[]): { value: string; label: string }[] {
  return catalog
    .filter((s) => segments.includes(s.code))
    .flatMap((s) => s.subsegments.map((sub) => ({ value: sub.code, label: segments.length > 1 ? `${s.name}: ${sub.name}` : sub.name })));
}

/** Drops subsegments that belong to none of the chosen segments (a subsegment depends on its segment). */
export function pruneSubsegments(state: FilterState, catalog: readonly SegmentOption[]): FilterState {
  const allowed = new Set(subsegmentOptions(catalog, state.segments).map((o) => o.value));
  const subsegments = state.subsegments.filter((s) => allowed.has(s));
  return subsegments.length === state.subsegments.length ? state : { ...state, subsegments };
}

/** How many filter fields are set (for the "Filters (3)" toggle on small screens). */
export function activeFilterCount(state: FilterState): number {
  return Object.keys(toLeadFilter(state)).length;
}
