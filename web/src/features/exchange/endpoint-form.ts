// The new-endpoint form's state and what it sends: a WEBHOOK or HTTP_MAPPED URL, a mapping template's rows
// (each a body field from a payload field or a constant), or EMAIL recipients typed as a list.
import type { DeliveryEndpointInput, DeliveryEndpointKind, MappingFormat } from '../../gql/graphql';

/** The payload fields a template may read (the API's list, docs/api.md); `lead.attributes.<name>` is typed in. */
export const PAYLOAD_FIELDS = [
  'lead.contact.fullName',
  'lead.contact.phone',
  'lead.contact.email',
  'lead.contact.socialUrl',
  'lead.contact.preferredContactTime',
  'lead.id',
  'lead.segment',
  'lead.subsegment',
  'lead.country',
  'lead.region',
  'lead.city',
  'lead.kind',
  'lead.temperature',
  'lead.score',
  'lead.capturedAt',
  'lead.consent.text',
  'lead.consent.timestamp',
  'lead.consent.ip',
  'lead.consent.pageUrl',
  'lead.consent.certificateId',
  'purchase.id',
  'purchase.price.amount',
  'purchase.price.currencyCode',
  'purchase.purchasedAt',
  'purchase.campaignId',
  'id',
  'createdAt',
] as const;

export interface FieldRow {
  to: string;
  /** a payload path, or CONSTANT for a fixed value */
  source: string;
  value: string;
}
export const CONSTANT = 'CONSTANT';

export interface EndpointForm {
  name: string;
  kind: DeliveryEndpointKind;
  url: string;
  format: MappingFormat;
  rows: FieldRow[];
  recipients: string;
}

export const EMPTY_FORM: EndpointForm = {
  name: '',
  kind: 'WEBHOOK',
  url: '',
  format: 'FORM',
  rows: [{ to: '', source: 'lead.contact.fullName', value: '' }],
  recipients: '',
};

/** The form's errors by the API's paths (input.url, input.mapping.fields[0].to, …), so both are shown alike. */
export type FormErrors = Record<string, string>;

/** What the API gets, or the problems it would refuse anyway (checked here first). */
export function toEndpointInput(f: EndpointForm): { input: DeliveryEndpointInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!f.name.trim()) errors['input.name'] = 'Give the endpoint a name';
  const base = { name: f.name.trim(), kind: f.kind };
  if (f.kind === 'EMAIL') {
    const recipients = f.recipients
      .split(/[\s,;]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    if (!recipients.length) errors['input.recipients'] = 'At least one e-mail address';
    return Object.keys(errors).length ? { errors } : { input: { ...base, recipients } };
  }
  const url = f.url.trim();
  if (!/^https?:\/\/\S+$/i.test(url)) errors['input.url'] = 'An http(s) URL, e.g. https://crm.example.com/leads';
  if (f.kind === 'WEBHOOK') return Object.keys(errors).length ? { errors } : { input: { ...base, url } };
  const fields = f.rows.map((r, i) => {
    if (!r.to.trim()) errors[`input.mapping.fields[${i}].to`] = 'The field name to send';
    if (r.source === CONSTANT) return { to: r.to.trim(), constant: r.value };
    if (!r.source.trim()) errors[`input.mapping.fields[${i}].from`] = 'A payload field';
    return { to: r.to.trim(), from: r.source.trim() };
  });
  if (!fields.length) errors['input.mapping'] = 'At least one field';
  return Object.keys(errors).length ? { errors } : { input: { ...base, url, mapping: { format: f.format, fields } } };
}

/** Where an endpoint delivers, in a few words. */
export function endpointTarget(e: {
  kind: DeliveryEndpointKind;
  url?: string | null;
  recipients?: string[] | null;
  mapping?: { format: MappingFormat } | null;
}) {
  if (e.kind === 'EMAIL') return (e.recipients ?? []).join(', ');
  return e.kind === 'HTTP_MAPPED' ? `${e.url ?? ''} (${e.mapping?.format === 'JSON' ? 'JSON' : 'form'})` : (e.url ?? '');
}
