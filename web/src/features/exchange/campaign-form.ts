// The campaign form as data: its values, the CampaignInput they make (amounts as Decimal strings), early
// checks, and where the API's findings go. Error keys are CampaignInput paths without the `input.` root
// ("maxBid", "timeZone", "schedule[0].to", "filter.countries"), the same as BAD_USER_INPUT's
// `extensions.fields[].path` ("input.schedule[0].to").
import type { CampaignFieldsFragment, CampaignInput, CampaignKind, Exclusivity, LeadFilter } from '../../gql/graphql';
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
  /** INTERNAL: Leadex bids maxBid; REMOTE: the buyer's system answers a ping per lead (the remote-buyer protocol) */
  kind: CampaignKind;
  pingUrl: string;
  postUrl: string;
  /** the ping's own deadline in ms; empty = the platform's default */
  pingTimeoutMs: string;
  /** JSON paths into the ping answer; empty = "$.bid", "$.reference", "$.pass" */
  mappingBid: string;
  mappingReference: string;
  mappingPass: string;
}

export type CampaignFormErrors = Record<string, string>;

/** The API's limits (campaigns.service.ts). */
const MAX_NAME = 120;
const MAX_DAILY_CAP = 100_000;
const MAX_PRIORITY = 1000;
const MAX_WEIGHT = 1000;
const MIN_PING_TIMEOUT_MS = 10;
const MAX_PING_TIMEOUT_MS = 10_000;
const MAX_URL = 2000;
/** the API's simple JSON paths: `$`, then `.name`, `[0]` or `['name']` steps */
const JSON_PATH = /^\$(\.[A-Za-z_][\w-]*|\[\d+\]|\['[^']+'\])*$/;
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
    kind: 'INTERNAL',
    pingUrl: '',
    postUrl: '',
    pingTimeoutMs: '',
    mappingBid: '',
    mappingReference: '',
    mappingPass: '',
  };
}

/** A stored response mapping (JSON) read back; anything else is the default mapping (empty fields). */
function mappingOf(raw: unknown): { bid: string; reference: string; pass: string } {
  const m = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { bid: text(m.bid), reference: text(m.reference), pass: text(m.pass) };
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
    kind: c.kind,
    pingUrl: c.pingUrl ?? '',
    postUrl: c.postUrl ?? '',
    pingTimeoutMs: c.pingTimeoutMs == null ? '' : String(c.pingTimeoutMs),
    ...(({ bid, reference, pass }) => ({ mappingBid: bid, mappingReference: reference, mappingPass: pass }))(mappingOf(c.responseMapping)),
  };
}

function urlError(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'Required for a campaign your system bids for.';
  if (t.length > MAX_URL) return `At most ${MAX_URL.toLocaleString('en-US')} characters.`;
  try {
    const url = new URL(t);
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'An https:// address.';
  } catch {
    return 'An address like https://bids.example.com/ping.';
  }
}

/** Early checks of a REMOTE campaign's fields (the API also checks the addresses against its outbound rules). */
function validateRemoteFields(v: CampaignFormValues, errors: CampaignFormErrors): void {
  if (v.kind !== 'REMOTE') return;
  const ping = urlError(v.pingUrl);
  if (ping) errors.pingUrl = ping;
  const post = urlError(v.postUrl);
  if (post) errors.postUrl = post;
  if (v.pingTimeoutMs.trim() && !wholeIn(v.pingTimeoutMs, MIN_PING_TIMEOUT_MS, MAX_PING_TIMEOUT_MS)) {
    errors.pingTimeoutMs = `A whole number of milliseconds from ${MIN_PING_TIMEOUT_MS} to ${MAX_PING_TIMEOUT_MS.toLocaleString('en-US')}.`;
  }
  for (const [key, text] of [
    ['responseMapping.bid', v.mappingBid],
    ['responseMapping.reference', v.mappingReference],
    ['responseMapping.pass', v.mappingPass],
  ] as const) {
    if (text.trim() && !JSON_PATH.test(text.trim())) errors[key] = 'A path like $.bid or $.result[0].price.';
  }
}

/** The remote part of a CampaignInput: the kind always (an edit may turn REMOTE back to INTERNAL), the rest for REMOTE. */
function remoteInput(v: CampaignFormValues): Partial<CampaignInput> {
  if (v.kind !== 'REMOTE') return { kind: 'INTERNAL' };
  const anyMapping = v.mappingBid.trim() || v.mappingReference.trim() || v.mappingPass.trim();
  return {
    kind: 'REMOTE',
    pingUrl: v.pingUrl.trim(),
    postUrl: v.postUrl.trim(),
    ...(v.pingTimeoutMs.trim() ? { pingTimeoutMs: Number(v.pingTimeoutMs.trim()) } : {}),
    ...(anyMapping
      ? {
          responseMapping: {
            bid: v.mappingBid.trim() || '$.bid',
            ...(v.mappingReference.trim() ? { reference: v.mappingReference.trim() } : {}),
            ...(v.mappingPass.trim() ? { pass: v.mappingPass.trim() } : {}),
          },
        }
      : {}),
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
  validateRemoteFields(v, errors);
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
    ...remoteInput(v),
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
    'kind',
    'pingUrl',
    'postUrl',
    'pingTimeoutMs',
    'responseMapping.bid',
    'responseMapping.reference',
    'responseMapping.pass',
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
