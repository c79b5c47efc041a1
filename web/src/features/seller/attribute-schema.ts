// A segment's attribute schema (Segment.attributeSchema, JSON) read defensively, and the rules the
// form needs: which fields are required for a subsegment, input values → typed `attributes`, early checks.
// The API validates again (lead-checks.rules.ts); these checks only save a round trip.

export type AttributeType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'enum';

export interface AttributeField {
  name: string;
  type: AttributeType;
  label: string;
  required: boolean;
  requiredFor: string[];
  /** asked only for these subsegments; empty: every lead of the segment */
  appliesTo: string[];
  min?: number;
  max?: number;
  values: string[];
}

const TYPES: readonly AttributeType[] = ['string', 'integer', 'number', 'boolean', 'date', 'enum'];

/** `{ fields: [...] }` → the well-formed fields; anything malformed is skipped rather than breaking the form. */
export function parseAttributeSchema(json: unknown): AttributeField[] {
  const fields = (json as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((raw): AttributeField[] => {
    if (!raw || typeof raw !== 'object') return [];
    const f = raw as Record<string, unknown>;
    if (typeof f.name !== 'string' || !f.name || !TYPES.includes(f.type as AttributeType)) return [];
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return [
      {
        name: f.name,
        type: f.type as AttributeType,
        label: typeof f.label === 'string' && f.label ? f.label : f.name,
        required: f.required === true,
        requiredFor: strings(f.requiredFor),
        appliesTo: strings(f.appliesTo),
        ...(typeof f.min === 'number' ? { min: f.min } : {}),
        ...(typeof f.max === 'number' ? { max: f.max } : {}),
        values: strings(f.values),
      },
    ];
  });
}

/** The fields a lead of the subsegment is asked: all of them without a subsegment, else those that apply to it. */
export function fieldsForSubsegment(fields: readonly AttributeField[], subsegment: string | null | undefined): AttributeField[] {
  if (!subsegment) return [...fields];
  return fields.filter((f) => !f.appliesTo.length || f.appliesTo.includes(subsegment));
}

/** Required for every lead of the segment, or for this subsegment in particular. */
export function isAttributeRequired(field: AttributeField, subsegment: string | null | undefined): boolean {
  return field.required || (!!subsegment && field.requiredFor.includes(subsegment));
}

/** The form key of an attribute: the same path the API uses in LeadIssue.field. */
export function attributeKey(name: string): string {
  return `attributes.${name}`;
}

export type AttributeValues = Record<string, string>;

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Form values (all text) → LeadInput.attributes: empty values left out, numbers and booleans typed.
 * A value that does not parse is sent as typed, so the API's message about it lands on the field.
 */
export function toAttributesInput(fields: readonly AttributeField[], values: AttributeValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = (values[field.name] ?? '').trim();
    if (!raw) continue;
    if ((field.type === 'integer' || field.type === 'number') && NUMBER.test(raw)) out[field.name] = Number(raw);
    else if (field.type === 'boolean' && (raw === 'true' || raw === 'false')) out[field.name] = raw === 'true';
    else out[field.name] = raw;
  }
  return out;
}

function bounds(field: AttributeField, unit = ''): string {
  if (field.min !== undefined && field.max !== undefined) return `from ${field.min} to ${field.max}${unit}`;
  if (field.min !== undefined) return `at least ${field.min}${unit}`;
  if (field.max !== undefined) return `at most ${field.max}${unit}`;
  return '';
}

function within(n: number, field: AttributeField): boolean {
  return (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max);
}

/** Early checks per attribute (required, type, bounds); keys are attribute form keys ("attributes.brand"). */
export function validateAttributeValues(
  fields: readonly AttributeField[],
  subsegment: string | null | undefined,
  values: AttributeValues,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = (values[field.name] ?? '').trim();
    const key = attributeKey(field.name);
    if (!raw) {
      if (isAttributeRequired(field, subsegment)) errors[key] = `${field.label} is required.`;
      continue;
    }
    switch (field.type) {
      case 'string':
        if (!within(Array.from(raw).length, field)) errors[key] = `${field.label} must be ${bounds(field, ' characters')}.`;
        break;
      case 'integer':
      case 'number': {
        const ok = NUMBER.test(raw) && (field.type === 'number' || Number.isInteger(Number(raw)));
        if (!ok) errors[key] = `${field.label} must be ${field.type === 'integer' ? 'a whole number' : 'a number'}.`;
        else if (!within(Number(raw), field)) errors[key] = `${field.label} must be ${bounds(field)}.`;
        break;
      }
      case 'boolean':
        if (raw !== 'true' && raw !== 'false') errors[key] = `${field.label} must be yes or no.`;
        break;
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(new Date(`${raw}T00:00:00Z`).getTime())) errors[key] = `${field.label} must be a date.`;
        break;
      case 'enum':
        if (!field.values.includes(raw)) errors[key] = `${field.label} must be one of: ${field.values.join(', ')}.`;
        break;
    }
  }
  return errors;
}
