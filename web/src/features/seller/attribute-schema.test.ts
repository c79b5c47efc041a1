import { isAttributeRequired, parseAttributeSchema, toAttributesInput, validateAttributeValues } from './attribute-schema';

const SCHEMA = {
  fields: [
    { name: 'vehicleYear', type: 'integer', label: 'Vehicle year', requiredFor: ['CASCO', 'OSAGO'], min: 1950, max: 2027 },
    { name: 'coverageAmount', type: 'number', label: 'Coverage amount', min: 0 },
    { name: 'brand', type: 'string', label: 'Brand', required: true, min: 1, max: 5 },
    { name: 'format', type: 'enum', label: 'Format', values: ['ONLINE', 'OFFLINE'] },
    { name: 'certificate', type: 'boolean', label: 'Certificate' },
    { name: 'departureDate', type: 'date', label: 'Departure date' },
  ],
};

describe('attribute schema', () => {
  const fields = parseAttributeSchema(SCHEMA);

  it('reads every well-formed field and skips malformed ones', () => {
    expect(fields.map((f) => f.name)).toEqual(['vehicleYear', 'coverageAmount', 'brand', 'format', 'certificate', 'departureDate']);
    expect(
      parseAttributeSchema({ fields: [{ name: 'x', type: 'color' }, { type: 'string' }, null, { name: 'y', type: 'string' }] }).map((f) => f.name),
    ).toEqual(['y']);
    expect(parseAttributeSchema(null)).toEqual([]);
    expect(parseAttributeSchema({})).toEqual([]);
  });

  it('makes a field required for its listed subsegments only', () => {
    const year = fields[0]!;
    expect(isAttributeRequired(year, 'CASCO')).toBe(true);
    expect(isAttributeRequired(year, 'LIFE')).toBe(false);
    expect(isAttributeRequired(year, null)).toBe(false);
    expect(isAttributeRequired(fields[2]!, null)).toBe(true);
  });

  it('types the values it sends and leaves out empty ones', () => {
    expect(
      toAttributesInput(fields, {
        vehicleYear: '2018',
        coverageAmount: '1500.5',
        brand: ' Audi ',
        format: 'ONLINE',
        certificate: 'true',
        departureDate: '',
        unknown: 'x',
      }),
    ).toEqual({ vehicleYear: 2018, coverageAmount: 1500.5, brand: 'Audi', format: 'ONLINE', certificate: true });
    // a value that does not parse goes as typed: the API's message about it then lands on the field
    expect(toAttributesInput(fields, { vehicleYear: 'soon' })).toEqual({ vehicleYear: 'soon' });
  });

  it('checks required values, types and bounds like the API', () => {
    expect(validateAttributeValues(fields, 'CASCO', {})).toEqual({
      'attributes.vehicleYear': 'Vehicle year is required.',
      'attributes.brand': 'Brand is required.',
    });
    const errors = validateAttributeValues(fields, 'LIFE', {
      brand: 'Mercedes',
      vehicleYear: '1900',
      coverageAmount: '-1',
      format: 'HYBRID',
      certificate: 'maybe',
      departureDate: '2025-13-45',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'attributes.brand',
      'attributes.certificate',
      'attributes.coverageAmount',
      'attributes.departureDate',
      'attributes.format',
      'attributes.vehicleYear',
    ]);
    expect(validateAttributeValues(fields, 'LIFE', { brand: 'Audi', vehicleYear: '2018.5' })['attributes.vehicleYear']).toMatch(/whole number/);
    expect(validateAttributeValues(fields, 'LIFE', { brand: 'Audi', vehicleYear: '2018', departureDate: '2026-06-30' })).toEqual({});
  });
});
