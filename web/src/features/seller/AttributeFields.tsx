// The segment-specific questions of the lead form, one input per attribute-schema field, typed by the
// field's type; which fields are asked and which are required follow the chosen subsegment.
import { enumLabel } from '../../lib/enums';
import { SelectField, TextField } from '../../lib/ui/fields';
import { attributeKey, fieldsForSubsegment, isAttributeRequired, type AttributeField, type AttributeValues } from './attribute-schema';

export interface AttributeFieldsProps {
  fields: readonly AttributeField[];
  subsegment: string | null;
  values: AttributeValues;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
}

export function AttributeFields({ fields: all, subsegment, values, errors, onChange }: AttributeFieldsProps) {
  // a field that does not apply to the subsegment is not asked at all (Insurance · Life has no vehicle)
  const fields = fieldsForSubsegment(all, subsegment);
  if (!fields.length) return null;
  return (
    <fieldset className="form-section">
      <legend>Segment details</legend>
      <div className="form-grid">
        {fields.map((field) => (
          <AttributeInput
            key={field.name}
            field={field}
            required={isAttributeRequired(field, subsegment)}
            value={values[field.name] ?? ''}
            error={errors[attributeKey(field.name)]}
            onChange={(value) => onChange(field.name, value)}
          />
        ))}
      </div>
    </fieldset>
  );
}

interface AttributeInputProps {
  field: AttributeField;
  required: boolean;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function AttributeInput({ field, required, value, error, onChange }: AttributeInputProps) {
  const common = { label: field.label, name: attributeKey(field.name), required, error, value };
  switch (field.type) {
    case 'enum':
      return (
        <SelectField
          {...common}
          onChange={(e) => onChange(e.target.value)}
          options={[{ value: '', label: required ? 'Choose…' : '— not given —' }, ...field.values.map((v) => ({ value: v, label: enumLabel(v) }))]}
        />
      );
    case 'boolean':
      return (
        <SelectField
          {...common}
          onChange={(e) => onChange(e.target.value)}
          options={[
            { value: '', label: required ? 'Choose…' : '— not given —' },
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
        />
      );
    case 'date':
      return <TextField {...common} type="date" onChange={(e) => onChange(e.target.value)} />;
    case 'integer':
    case 'number':
      return (
        <TextField
          {...common}
          type="number"
          inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
          step={field.type === 'integer' ? 1 : 'any'}
          min={field.min}
          max={field.max}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return <TextField {...common} type="text" maxLength={field.max} onChange={(e) => onChange(e.target.value)} />;
  }
}
