// Delivery endpoints' settings, pure: the documented `lead.purchased` payload's field paths, the mapping template
// of an HTTP_MAPPED endpoint (validated, then applied to a payload as a JSON or form-encoded body) and the
// recipients of an EMAIL endpoint.
import validator from 'validator';
import { z } from 'zod';

/** The `lead.purchased` payload every endpoint kind starts from (docs/api.md, README "Delivery"). */
export interface DeliveryPayload {
  id: string;
  type: 'lead.purchased' | 'lead.test';
  createdAt: string;
  purchase: { id: string; price: { amount: string; currencyCode: string }; purchasedAt: string; campaignId: string | null };
  lead: {
    id: string;
    segment: string;
    subsegment: string | null;
    country: string;
    region: string | null;
    city: string | null;
    kind: string;
    temperature: string;
    score: number | null;
    capturedAt: string;
    attributes: unknown;
    contact: {
      fullName: string;
      phone: string | null;
      email: string | null;
      socialUrl: string | null;
      preferredContactTime: string | null;
    } | null;
    consent: { text: string; timestamp: string; ip: string | null; pageUrl: string | null; leadId?: string; certificateId: string | null } | null;
  };
}

/** The payload paths a template may read; `lead.attributes.<name>` reads one of the lead's attributes. */
export const PAYLOAD_FIELDS = [
  'id',
  'type',
  'createdAt',
  'purchase.id',
  'purchase.price.amount',
  'purchase.price.currencyCode',
  'purchase.purchasedAt',
  'purchase.campaignId',
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
  'lead.contact.fullName',
  'lead.contact.phone',
  'lead.contact.email',
  'lead.contact.socialUrl',
  'lead.contact.preferredContactTime',
  'lead.consent.text',
  'lead.consent.timestamp',
  'lead.consent.ip',
  'lead.consent.pageUrl',
  'lead.consent.certificateId',
] as const;
const ATTRIBUTE_PATH = /^lead\.attributes\.[A-Za-z0-9_-]{1,64}$/;

export const isPayloadField = (path: string) => (PAYLOAD_FIELDS as readonly string[]).includes(path) || ATTRIBUTE_PATH.test(path);

export const MAPPING_FORMATS = ['JSON', 'FORM'] as const;
export type MappingFormat = (typeof MAPPING_FORMATS)[number];

const ZMappedField = z
  .object({
    to: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\s]+$/, 'a field name without spaces'),
    from: z.string().trim().min(1).max(200).nullish(),
    constant: z.string().max(2000).nullish(),
  })
  .superRefine((f, ctx) => {
    if ((f.from == null) === (f.constant == null)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'give either "from" or "constant"' });
    else if (f.from != null && !isPayloadField(f.from)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `unknown payload field "${f.from}" (e.g. "lead.contact.email", "lead.attributes.brand")` });
    }
  });

/** An HTTP_MAPPED endpoint's template: which body fields to send, each from a payload field or a constant. */
export const ZMappingTemplate = z.object({ format: z.enum(MAPPING_FORMATS), fields: z.array(ZMappedField).min(1).max(100) }).superRefine((t, ctx) => {
  const seen = new Set<string>();
  t.fields.forEach((f, i) => {
    if (seen.has(f.to)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'to'], message: `"${f.to}" is mapped twice` });
    seen.add(f.to);
  });
});
export type MappingTemplate = z.output<typeof ZMappingTemplate>;

/** An EMAIL endpoint's recipients: 1–10 addresses (validator's isEmail), without duplicates. */
export const ZRecipients = z
  .array(
    z
      .string()
      .trim()
      .max(254)
      .refine((e) => validator.isEmail(e), 'an e-mail address'),
  )
  .min(1)
  .max(10)
  .transform((list) => [...new Set(list.map((e) => e.toLowerCase()))]);

/** The value at a payload path (undefined when a step is missing, e.g. no consent or an absent attribute). */
export function payloadValue(payload: DeliveryPayload, path: string): unknown {
  let at: unknown = payload;
  for (const step of path.split('.')) {
    if (at == null || typeof at !== 'object' || !Object.hasOwn(at, step)) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** The fields of the body, in the template's order: missing values are null. */
export function mappedFields(payload: DeliveryPayload, template: MappingTemplate): [string, unknown][] {
  return template.fields.map((f) => [f.to, f.constant != null ? f.constant : (payloadValue(payload, f.from!) ?? null)]);
}

// a form carries text only: null becomes an empty value, objects and arrays their JSON
const formText = (v: unknown) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The request body and its content type for a template applied to a payload. */
export function buildMappedBody(payload: DeliveryPayload, template: MappingTemplate): { body: string; contentType: string } {
  const fields = mappedFields(payload, template);
  if (template.format === 'FORM') {
    return {
      body: new URLSearchParams(fields.map(([k, v]): [string, string] => [k, formText(v)])).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  }
  return { body: JSON.stringify(Object.fromEntries(fields)), contentType: 'application/json' };
}
