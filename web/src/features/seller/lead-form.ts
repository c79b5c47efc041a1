// The "submit a lead" form as data: its values, the LeadInput they make, early checks, and where the
// API's findings go. Error keys are LeadInput paths ("phone", "consent.text", "attributes.brand"), the
// same as LeadIssue.field and the tail of BAD_USER_INPUT paths ("input[0].capturedAt").
import type { Exclusivity, LeadInput, LeadKind, SourceChannel, Temperature } from '../../gql/graphql';
import { placeErrors, type PlacedErrors } from '../../lib/api-errors';
import { EXCLUSIVITIES, LEAD_KINDS, SOURCE_CHANNELS, TEMPERATURES, isOneOf } from '../../lib/enums';
import { dateTimeLocalToIso, toDateTimeLocalValue } from '../../lib/format';
import { attributeKey, toAttributesInput, validateAttributeValues, type AttributeField, type AttributeValues } from './attribute-schema';

export interface LeadFormValues {
  segment: string;
  subsegment: string;
  fullName: string;
  phone: string;
  email: string;
  socialUrl: string;
  preferredContactTime: string;
  country: string;
  region: string;
  city: string;
  postalCode: string;
  kind: LeadKind | '';
  temperature: Temperature | '';
  sourceChannel: SourceChannel | '';
  /** <input type="datetime-local"> values, local time */
  capturedAt: string;
  consentTimestamp: string;
  consentText: string;
  consentIp: string;
  consentPageUrl: string;
  exclusivity: Exclusivity;
  maxSales: string;
  askingPrice: string;
  externalId: string;
  attributes: AttributeValues;
}

export type LeadFormField = Exclude<keyof LeadFormValues, 'attributes'>;

/** The LeadInput path each form value is sent as (and the key its errors come back under). */
export const FIELD_PATHS: Record<LeadFormField, string> = {
  segment: 'segment',
  subsegment: 'subsegment',
  fullName: 'fullName',
  phone: 'phone',
  email: 'email',
  socialUrl: 'socialUrl',
  preferredContactTime: 'preferredContactTime',
  country: 'country',
  region: 'region',
  city: 'city',
  postalCode: 'postalCode',
  kind: 'kind',
  temperature: 'temperature',
  sourceChannel: 'sourceChannel',
  capturedAt: 'capturedAt',
  consentTimestamp: 'consent.timestamp',
  consentText: 'consent.text',
  consentIp: 'consent.ip',
  consentPageUrl: 'consent.pageUrl',
  exclusivity: 'exclusivity',
  maxSales: 'maxSales',
  askingPrice: 'askingPrice',
  externalId: 'externalId',
};

export function emptyLeadForm(now: Date = new Date()): LeadFormValues {
  const local = toDateTimeLocalValue(now);
  return {
    segment: '',
    subsegment: '',
    fullName: '',
    phone: '',
    email: '',
    socialUrl: '',
    preferredContactTime: '',
    country: '',
    region: '',
    city: '',
    postalCode: '',
    kind: '',
    temperature: '',
    sourceChannel: '',
    capturedAt: local,
    consentTimestamp: local,
    consentText: '',
    consentIp: '',
    consentPageUrl: '',
    exclusivity: 'SHARED',
    maxSales: '',
    askingPrice: '',
    externalId: '',
    attributes: {},
  };
}

/** Every error key the form can show next to an input, for placing API findings. */
export function leadFormKeys(fields: readonly AttributeField[]): string[] {
  return [...Object.values(FIELD_PATHS), ...fields.map((f) => attributeKey(f.name))];
}

const optional = (value: string): string | null => (value.trim() ? value.trim() : null);

/** Early checks (what the API would refuse for sure); keys are LeadInput paths. */
export function validateLeadForm(values: LeadFormValues, fields: readonly AttributeField[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.segment) errors.segment = 'Choose a segment.';
  if (!values.fullName.trim()) errors.fullName = 'The person’s name is required.';
  if (!values.phone.trim() && !values.email.trim() && !values.socialUrl.trim()) {
    errors.phone = 'Give at least one way to reach the person: phone, e-mail or social profile.';
  }
  if (!/^[A-Za-z]{2}$/.test(values.country.trim())) errors.country = 'A two-letter country code, e.g. US.';
  if (!isOneOf(LEAD_KINDS, values.kind)) errors.kind = 'Choose the kind of lead.';
  if (!isOneOf(SOURCE_CHANNELS, values.sourceChannel)) errors.sourceChannel = 'Choose where the lead came from.';
  if (!dateTimeLocalToIso(values.capturedAt)) errors.capturedAt = 'When the person left the contact (date and time).';
  if (!values.consentText.trim()) errors['consent.text'] = 'The consent text the person agreed to is required.';
  if (!dateTimeLocalToIso(values.consentTimestamp)) errors['consent.timestamp'] = 'When the person gave consent (date and time).';
  if (values.exclusivity === 'SHARED' && values.maxSales.trim() && !/^([1-9]|1\d|20)$/.test(values.maxSales.trim())) {
    errors.maxSales = 'A whole number from 1 to 20.';
  }
  if (values.askingPrice.trim() && !/^\d{1,10}(\.\d{1,4})?$/.test(values.askingPrice.trim())) {
    errors.askingPrice = 'An amount like 25.00.';
  }
  return { ...errors, ...validateAttributeValues(fields, values.subsegment || null, values.attributes) };
}

/** The LeadInput for the form's values (run validateLeadForm first; unparseable dates are sent as typed). */
export function toLeadInput(values: LeadFormValues, fields: readonly AttributeField[]): LeadInput {
  const attributes = toAttributesInput(fields, values.attributes);
  const maxSales = values.exclusivity === 'SHARED' && values.maxSales.trim() ? Number(values.maxSales) : null;
  return {
    segment: values.segment,
    subsegment: optional(values.subsegment),
    country: values.country.trim().toUpperCase(),
    region: optional(values.region.toUpperCase()),
    city: optional(values.city),
    postalCode: optional(values.postalCode),
    fullName: values.fullName.trim(),
    phone: optional(values.phone),
    email: optional(values.email),
    socialUrl: optional(values.socialUrl),
    preferredContactTime: optional(values.preferredContactTime),
    kind: values.kind as LeadKind,
    temperature: isOneOf(TEMPERATURES, values.temperature) ? values.temperature : null,
    sourceChannel: values.sourceChannel as SourceChannel,
    capturedAt: dateTimeLocalToIso(values.capturedAt) ?? values.capturedAt,
    consent: {
      text: values.consentText.trim(),
      timestamp: dateTimeLocalToIso(values.consentTimestamp) ?? values.consentTimestamp,
      ip: optional(values.consentIp),
      pageUrl: optional(values.consentPageUrl),
    },
    attributes: Object.keys(attributes).length ? attributes : null,
    exclusivity: isOneOf(EXCLUSIVITIES, values.exclusivity) ? values.exclusivity : 'SHARED',
    maxSales,
    askingPrice: optional(values.askingPrice),
    externalId: optional(values.externalId),
  };
}

/** A rejected lead's issues placed on the form (ERRORs and WARNINGs alike; the page tells them apart). */
export function placeLeadIssues(issues: readonly { field?: string | null; message: string }[], fields: readonly AttributeField[]): PlacedErrors {
  return placeErrors(
    issues.map((i) => ({ key: i.field ?? null, message: i.message })),
    leadFormKeys(fields),
  );
}
