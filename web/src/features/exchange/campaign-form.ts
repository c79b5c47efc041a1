// The campaign form as data: its values, the CampaignInput they make (amounts as Decimal strings), early
// checks, and where the API's findings go. Error keys are CampaignInput paths without the `input.` root
// ("maxBid", "timeZone", "schedule[0].to", "filter.countries"), the same as BAD_USER_INPUT's
// `extensions.fields[].path` ("input.schedule[0].to").
import type { CampaignFieldsFragment, CampaignInput, Exclusivity, LeadFilter } from '../../gql/graphql';
import { fieldKeyOfPath, placeErrors, type ApiError, type PlacedErrors } from '../../lib/api-errors';
import { formatAmount, parseAmount } from '../../lib/money';
import {
  EMPTY_FILTER,
  fromFilterDraft,
  fromLeadFilter,
  toFilterDraft,
  toLeadFilter,
  validateFilterState,
  type FilterDraft,
  type FilterErrors,
  type FilterField,
} from '../marketplace/filter-state';
import { fromScheduleWindow, toScheduleInput, validateSchedule, type ScheduleRow } from './schedule';

export interface CampaignFormValues {
  name: string;
  filter: FilterDraft;
  /** amounts as typed; sent as Decimal strings */
  maxBid: string;
  exclusivity: Exclusivity;
  dailyCap: string;
  budget: string;
  timeZone: string;
  schedule: ScheduleRow[];
  /** one of the buyer's delivery endpoints; '' = the default endpoint */
  deliveryEndpointId: string;
  /** the segment's distribution method decides which counts: PRIORITY tiers, WEIGHTED shares; empty = the default */
  priority: string;
  weight: string;
}

export type CampaignFormErrors = Record<string, string>;

/** The API's limits (campaigns.service.ts). */
const MAX_NAME = 120;
const MAX_DAILY_CAP = 100_000;
const MAX_PRIORITY = 1000;
const MAX_WEIGHT = 1000;
const wholeIn = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;
const optionalWhole = (text: string) => (text.trim() ? Number(text.trim()) : undefined);

/** The browser's own time zone (the default for a new campaign); UTC when the runtime does not say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** IANA zones the runtime knows, sorted, with UTC first and `keep` (e.g. a campaign's saved zone) included. */
export function timeZoneOptions(supported: readonly string[], ...keep: (string | null | undefined)[]): string[] {
  const zones = new Set([...supported, ...keep.filter((z): z is string => !!z)]);
  zones.delete('UTC');
  return ['UTC', ...[...zones].sort()];
}

export function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function emptyCampaignForm(timeZone = browserTimeZone()): CampaignFormValues {
  return {
    name: '',
    filter: toFilterDraft(EMPTY_FILTER),
    maxBid: '',
    exclusivity: 'SHARED',
    dailyCap: '',
    budget: '',
    timeZone,
    schedule: [],
    deliveryEndpointId: '',
    priority: '',
    weight: '',
  };
}

/** A stored filter (JSON) read back as a LeadFilter; anything that is not an object is no filter. */
function asLeadFilter(raw: unknown): LeadFilter {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as LeadFilter) : {};
}

/** The form for editing a saved campaign. */
export function campaignFormFromCampaign(c: CampaignFieldsFragment): CampaignFormValues {
  return {
    name: c.name,
    filter: toFilterDraft(fromLeadFilter(asLeadFilter(c.filter))),
    maxBid: c.maxBid.amount,
    exclusivity: c.exclusivity,
    dailyCap: c.dailyCap == null ? '' : String(c.dailyCap),
    budget: c.budget?.amount ?? '',
    timeZone: c.timeZone,
    schedule: c.schedule.map(fromScheduleWindow),
    deliveryEndpointId: c.deliveryEndpointId ?? '',
    priority: c.priority == null ? '' : String(c.priority),
    weight: c.weight == null ? '' : String(c.weight),
  };
}

/** "12,5" → "12.50" (with 2 digits); null when it is not a positive amount with at most `digits` decimals. */
export function toDecimalString(text: string, digits: number): string | null {
  const cleaned = text
    .trim()
    .replace(/\s/g, '')
    .replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^\d{1,10}(\.\d+)?$/.test(cleaned)) return null;
  const minor = parseAmount(cleaned, digits);
  return minor == null || minor <= 0 ? null : formatAmount(minor, digits);
}

const filterKey = (field: FilterField) => `filter.${field}`;

/** Early checks (what the API would refuse for sure); keys are CampaignInput paths. */
export function validateCampaignForm(v: CampaignFormValues, digits: number): CampaignFormErrors {
  const errors: CampaignFormErrors = {};
  const example = formatAmount(25 * 10 ** digits, digits);
  const amountMessage =
    digits === 0
      ? `A positive whole amount like ${example} (0 decimals).`
      : `A positive amount like ${example}${digits === 2 ? '' : ` (${digits} decimals at most)`}.`;
  if (!v.name.trim()) errors.name = 'Give the campaign a name.';
  else if (v.name.trim().length > MAX_NAME) errors.name = `At most ${MAX_NAME} characters.`;
  if (!v.maxBid.trim()) errors.maxBid = 'Set the most you would pay for one lead.';
  else if (toDecimalString(v.maxBid, digits) == null) errors.maxBid = amountMessage;
  if (v.budget.trim() && toDecimalString(v.budget, digits) == null) errors.budget = amountMessage;
  if (v.dailyCap.trim() && !(/^\d+$/.test(v.dailyCap.trim()) && Number(v.dailyCap) >= 1 && Number(v.dailyCap) <= MAX_DAILY_CAP)) {
    errors.dailyCap = `A whole number from 1 to ${MAX_DAILY_CAP.toLocaleString('en-US')}.`;
  }
  if (v.priority.trim() && !wholeIn(v.priority, 0, MAX_PRIORITY)) errors.priority = `A whole number from 0 to ${MAX_PRIORITY.toLocaleString('en-US')}.`;
  if (v.weight.trim() && !wholeIn(v.weight, 1, MAX_WEIGHT)) errors.weight = `A whole number from 1 to ${MAX_WEIGHT.toLocaleString('en-US')}.`;
  if (!v.timeZone.trim()) errors.timeZone = 'Choose the time zone of the schedule.';
  const filterErrors = validateFilterState(fromFilterDraft(v.filter));
  for (const [field, message] of Object.entries(filterErrors)) errors[filterKey(field as FilterField)] = message;
  const schedule = validateSchedule(v.schedule);
  if (schedule.list) errors.schedule = schedule.list;
  for (const [i, rowErrors] of Object.entries(schedule.rows)) {
    for (const [part, message] of Object.entries(rowErrors)) errors[`schedule[${i}].${part}`] = message;
  }
  return errors;
}

/**
 * The CampaignInput of a valid form. Amounts are Decimal strings with the currency's decimals ("45" →
 * "45.00"), empty optional fields are null, no schedule rows = always on. The filter's own exclusivity is
 * left out: the campaign's exclusivity decides which leads it bids on.
 */
export function toCampaignInput(v: CampaignFormValues, digits: number): CampaignInput {
  const { exclusivity: _ignored, ...filter } = toLeadFilter({ ...fromFilterDraft(v.filter), exclusivity: null });
  return {
    name: v.name.trim(),
    filter,
    maxBid: toDecimalString(v.maxBid, digits) ?? v.maxBid.trim(),
    exclusivity: v.exclusivity,
    dailyCap: v.dailyCap.trim() ? Number(v.dailyCap.trim()) : null,
    budget: v.budget.trim() ? (toDecimalString(v.budget, digits) ?? v.budget.trim()) : null,
    schedule: toScheduleInput(v.schedule),
    timeZone: v.timeZone.trim(),
    // left out = the default endpoint (also when an edit goes back to it)
    ...(v.deliveryEndpointId ? { deliveryEndpointId: v.deliveryEndpointId } : {}),
    // left out when empty: the API's defaults (priority 0, weight 1)
    priority: optionalWhole(v.priority),
    weight: optionalWhole(v.weight),
  };
}

const FILTER_FIELDS: readonly FilterField[] = [
  'segments',
  'subsegments',
  'countries',
  'regions',
  'cities',
  'geoTiers',
  'kinds',
  'temperatures',
  'verifiedOnly',
  'maxAgeHours',
  'minPrice',
  'maxPrice',
  'minSellerQuality',
];

/** Every error key the form can show next to an input. */
export function campaignFormKeys(scheduleRows: number): string[] {
  const rows = Array.from({ length: scheduleRows }, (_, i) => [`schedule[${i}]`, `schedule[${i}].days`, `schedule[${i}].from`, `schedule[${i}].to`]).flat();
  return [
    'name',
    'maxBid',
    'exclusivity',
    'dailyCap',
    'budget',
    'priority',
    'weight',
    'timeZone',
    'deliveryEndpointId',
    'schedule',
    ...rows,
    ...FILTER_FIELDS.map(filterKey),
  ];
}

/**
 * The API's field errors placed on the form. List items inside a field are the field ("filter.countries[2]"
 * → "filter.countries", "schedule[0].days[1]" → "schedule[0].days"); a schedule row keeps its index.
 */
export function placeCampaignApiErrors(error: ApiError | null, scheduleRows: number): PlacedErrors {
  if (!error) return { byField: {}, unplaced: [] };
  const entries = error.fields.map((f) => {
    const { key } = fieldKeyOfPath(f.path);
    return { key: key.replace(/(?<!^schedule)\[\d+\]/g, ''), message: f.message };
  });
  return placeErrors(entries, campaignFormKeys(scheduleRows));
}

/** The errors of the filter's fields (for FilterFields), from the form's errors. */
export function filterErrorsOf(errors: CampaignFormErrors): FilterErrors {
  const out: FilterErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith('filter.')) out[key.slice('filter.'.length) as FilterField] = message;
  }
  return out;
}
