// Attribute values as their schema types: CSV cells and form fields arrive as text ("2018", "true").
import type { SegmentDefinition } from './lead.types';

export function typedAttributes(attributes: Record<string, unknown> | null | undefined, segment: SegmentDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = new Map(segment.attributeSchema.fields.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(attributes ?? {})) {
    const field = fields.get(name);
    if (typeof value !== 'string' || !field) {
      out[name] = value;
      continue;
    }
    if ((field.type === 'integer' || field.type === 'number') && value.trim() !== '' && Number.isFinite(Number(value))) out[name] = Number(value);
    else if (field.type === 'boolean' && (value === 'true' || value === 'false')) out[name] = value === 'true';
    else out[name] = value;
  }
  return out;
}
