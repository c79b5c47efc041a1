// The shape of a submitted lead (types, lengths, enums). Content rules (phone valid for the country,
// consent, attributes per segment) are lead-checks.rules.ts; this only decides whether it is a lead-shaped thing.
import { z } from 'zod';
import { ZLeadAttributes } from './lead-attributes';
import { EXCLUSIVITIES, LEAD_KINDS, SOURCE_CHANNELS, TEMPERATURES } from './lead.types';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), text(max).nullish());
const date = z.preprocess((v) => (typeof v === 'string' ? new Date(v) : v), z.date({ message: 'must be an ISO-8601 date-time' }));
const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' ? null : typeof v === 'string' ? Number(v) : v), z.number().int().min(min).max(max).nullish());

export const ZConsentInput = z.object({
  text: text(2000).min(1, 'consent text is required'),
  timestamp: date,
  ip: optionalText(64),
  pageUrl: optionalText(2000),
  // a consent certificate issued by the capture script on the form (consent/issue-certificate.ts)
  certificateId: optionalText(64),
});

export const ZLeadInput = z.object({
  segment: text(40)
    .min(1)
    .transform((s) => s.toUpperCase()),
  subsegment: optionalText(40).transform((s) => s?.toUpperCase() ?? null),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .transform((s) => s.toUpperCase()),
  region: optionalText(10).transform((s) => s?.toUpperCase() ?? null),
  city: optionalText(100),
  postalCode: optionalText(20),
  fullName: text(200).min(1, 'a name is required'),
  phone: optionalText(40),
  email: optionalText(254),
  socialUrl: optionalText(500),
  preferredContactTime: optionalText(100),
  kind: z.enum(LEAD_KINDS),
  temperature: z.preprocess((v) => (v === '' ? null : v), z.enum(TEMPERATURES).nullish()),
  sourceChannel: z.enum(SOURCE_CHANNELS),
  capturedAt: date,
  consent: ZConsentInput,
  // size-limited (lead-attributes.ts); names the segment does not know are dropped after the checks
  attributes: ZLeadAttributes.nullish(),
  exclusivity: z.enum(EXCLUSIVITIES),
  maxSales: optionalInt(1, 20),
  askingPrice: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string()
      .trim()
      .regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be a decimal amount like "12.50"')
      .nullish(),
  ),
  formFillSeconds: optionalInt(0, 86_400),
  ip: optionalText(64),
  userAgent: optionalText(500),
  externalId: optionalText(100),
});

export type TLeadInputShape = z.infer<typeof ZLeadInput>;
