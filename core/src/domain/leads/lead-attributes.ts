// A lead's segment attributes: the size limits of what a seller may send, and the stored form — the
// segment's own attributes only, typed (CSV cells and form fields arrive as text: "2018", "true").
import { z } from 'zod';
import type { AttributeField, SegmentDefinition } from './lead.types';

// Every lead is served on marketplace pages, exports and webhooks: a few hundred bytes of answers are
// useful, a megabyte is an attack (8 leads once made a 9 MB page). Segment schemas have a handful of fields.
export const ATTRIBUTES_MAX_KEYS = 30;
export const ATTRIBUTE_NAME_MAX_LENGTH = 60;
export const ATTRIBUTE_STRING_MAX_LENGTH = 500;
export const ATTRIBUTES_MAX_JSON_BYTES = 4096;

function serializedBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY; // not serializable (a cycle, a BigInt): never storable
  }
}

/** The shape check of `attributes`: a flat-enough object within the limits above; content is checked per segment later. */
export const ZLeadAttributes = z.record(z.string().max(ATTRIBUTE_NAME_MAX_LENGTH), z.unknown()).superRefine((attributes, ctx) => {
  const keys = Object.keys(attributes);
  if (keys.length > ATTRIBUTES_MAX_KEYS) {
    ctx.addIssue({ code: 'custom', message: `at most ${ATTRIBUTES_MAX_KEYS} attributes` });
    return;
  }
  if (keys.some((name) => typeof attributes[name] === 'string' && (attributes[name] as string).length > ATTRIBUTE_STRING_MAX_LENGTH)) {
    ctx.addIssue({ code: 'custom', message: `attribute values are at most ${ATTRIBUTE_STRING_MAX_LENGTH} characters` });
    return;
  }
  if (serializedBytes(attributes) > ATTRIBUTES_MAX_JSON_BYTES) {
    ctx.addIssue({ code: 'custom', message: `attributes are at most ${ATTRIBUTES_MAX_JSON_BYTES} bytes as JSON` });
  }
});

/** Whether a lead of the subsegment is asked the field: always without a subsegment or an `appliesTo` list. */
export function attributeApplies(field: Pick<AttributeField, 'appliesTo'>, subsegment: string | null | undefined): boolean {
  return !subsegment || !field.appliesTo?.length || field.appliesTo.includes(subsegment);
}

/**
 * The attributes as stored and served: names the segment does not know, and fields that do not apply to
 * the subsegment, are dropped (validateAttributes reports each as ATTRIBUTE_UNKNOWN or
 * ATTRIBUTE_NOT_APPLICABLE), the rest typed by the segment's schema.
 */
export function typedAttributes(
  attributes: Record<string, unknown> | null | undefined,
  segment: SegmentDefinition,
  subsegment?: string | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = new Map(segment.attributeSchema.fields.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(attributes ?? {})) {
    const field = fields.get(name);
    if (!field || !attributeApplies(field, subsegment)) continue;
    if (typeof value !== 'string') {
      out[name] = value;
      continue;
    }
    if ((field.type === 'integer' || field.type === 'number') && value.trim() !== '' && Number.isFinite(Number(value))) out[name] = Number(value);
    else if (field.type === 'boolean' && (value === 'true' || value === 'false')) out[name] = value === 'true';
    else out[name] = value;
  }
  return out;
}
