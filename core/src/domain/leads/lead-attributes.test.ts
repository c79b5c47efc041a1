import { ATTRIBUTES_MAX_JSON_BYTES, ATTRIBUTES_MAX_KEYS, ATTRIBUTE_STRING_MAX_LENGTH, ZLeadAttributes, typedAttributes } from './lead-attributes';
import type { SegmentDefinition } from './lead.types';

const AUTO: SegmentDefinition = {
  code: 'AUTO',
  name: 'Auto',
  subsegments: [],
  attributeSchema: {
    fields: [
      { name: 'brand', type: 'string', label: 'Brand', required: true },
      { name: 'year', type: 'integer', label: 'Year' },
      { name: 'tradeIn', type: 'boolean', label: 'Trade-in' },
    ],
  },
  commissionBps: 2000,
  returnWindowHours: 72,
  ttlDays: 30,
  failedBatchPolicy: 'DISCOUNT',
  verificationProvider: 'automatic',
  failureThresholdBps: 1000,
};

const messages = (value: unknown) => {
  const result = ZLeadAttributes.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('ZLeadAttributes', () => {
  it('accepts a handful of answers', () => {
    expect(messages({ brand: 'Toyota', year: 2019, tradeIn: true })).toEqual([]);
  });

  it(`refuses more than ${ATTRIBUTES_MAX_KEYS} attributes`, () => {
    const many = Object.fromEntries(Array.from({ length: ATTRIBUTES_MAX_KEYS + 1 }, (_, i) => [`a${i}`, 1]));
    expect(messages(many)).toEqual([`at most ${ATTRIBUTES_MAX_KEYS} attributes`]);
    expect(messages(Object.fromEntries(Object.entries(many).slice(1)))).toEqual([]);
  });

  it(`refuses a text value over ${ATTRIBUTE_STRING_MAX_LENGTH} characters`, () => {
    expect(messages({ note: 'x'.repeat(ATTRIBUTE_STRING_MAX_LENGTH + 1) })).toHaveLength(1);
    expect(messages({ note: 'x'.repeat(ATTRIBUTE_STRING_MAX_LENGTH) })).toEqual([]);
  });

  it(`refuses more than ${ATTRIBUTES_MAX_JSON_BYTES} bytes of JSON, nested values included`, () => {
    const nested = { blob: Array.from({ length: 1000 }, () => 'abcdefgh') };
    expect(messages(nested)).toEqual([`attributes are at most ${ATTRIBUTES_MAX_JSON_BYTES} bytes as JSON`]);
  });
});

describe('typedAttributes', () => {
  it('drops names the segment does not know and types the rest', () => {
    expect(typedAttributes({ brand: 'Toyota', year: '2018', tradeIn: 'true', colour: 'red', __proto__x: 1 }, AUTO)).toEqual({
      brand: 'Toyota',
      year: 2018,
      tradeIn: true,
    });
  });

  it('drops a field that does not apply to the subsegment', () => {
    const segment = {
      ...AUTO,
      attributeSchema: { fields: [...AUTO.attributeSchema.fields, { name: 'vin', type: 'string' as const, label: 'VIN', appliesTo: ['USED'] }] },
    };
    expect(typedAttributes({ brand: 'Kia', vin: 'X1' }, segment, 'NEW')).toEqual({ brand: 'Kia' });
    expect(typedAttributes({ brand: 'Kia', vin: 'X1' }, segment, 'USED')).toEqual({ brand: 'Kia', vin: 'X1' });
  });

  it('keeps a known value it cannot type as it was (the hard checks reject such a lead anyway)', () => {
    expect(typedAttributes({ year: 'soon' }, AUTO)).toEqual({ year: 'soon' });
    expect(typedAttributes(null, AUTO)).toEqual({});
  });
});
