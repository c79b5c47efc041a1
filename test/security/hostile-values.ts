// fast-check arbitraries for the hostile-input test: values a careless or malicious client could put in a
// request (wrong types, text PostgreSQL cannot store, huge numbers) and the input shapes they spoil.
import fc from 'fast-check';

// text PostgreSQL cannot store: NUL anywhere, or a lone surrogate (JSON.stringify writes it as \udxxx)
export const nulText = fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\u0000${b}`);
export const loneSurrogate = fc
  .tuple(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string())
  .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`);
export const unstorableText = fc.oneof(nulText, loneSurrogate);
export const hugeNumber = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e20, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
// JSON has no NaN or Infinity (they would arrive as null, which a nullable field accepts)
export const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
export const notAnObject = fc.oneof(fc.integer(), fc.boolean(), fc.string(), fc.array(fc.integer(), { maxLength: 3 }));

// a value GraphQL coercion or our validation is certain to refuse, per input type
export const wrong = {
  string: fc.oneof(fc.integer(), finite, fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }), unstorableText),
  int: fc.oneof(
    fc.string(),
    finite.filter((n) => !Number.isInteger(n)),
    hugeNumber.filter((n) => !Number.isInteger(n) || Math.abs(n) >= 2 ** 31),
    fc.boolean(),
    fc.object({ maxDepth: 1 }),
  ),
  enum: fc.oneof(
    fc.string().filter((s) => !/^[A-Z0-9_]+$/.test(s)),
    fc.integer(),
    fc.boolean(),
    unstorableText,
  ),
  decimal: fc.oneof(
    fc.string().filter((s) => !/^\s*-?[\d.]*\s*$/.test(s)),
    unstorableText,
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.object({ maxDepth: 1 }),
  ),
  dateTime: fc.oneof(
    fc.string().filter((s) => !/\d/.test(s)),
    unstorableText,
    fc.boolean(),
    fc.object({ maxDepth: 1 }),
  ),
  id: fc.oneof(
    fc.boolean(),
    finite.filter((n) => !Number.isInteger(n)),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.object({ maxDepth: 1 }),
    unstorableText,
  ),
  json: fc.oneof(
    fc.dictionary(fc.string(), unstorableText, { minKeys: 1, maxKeys: 3 }),
    nulText.map((k) => ({ [k]: 1 })),
  ),
  // a list coerces a single value into a list of one, so only wrong item types are certain refusals
  list: fc.oneof(fc.boolean(), fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }), fc.object({ maxDepth: 1 })),
  object: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 })),
};
export type Kind = keyof typeof wrong;

/** `base` with one field (by dotted path) replaced by a value of the wrong type, and maybe a huge number elsewhere. */
export function spoilOne(base: Record<string, unknown>, fields: Record<string, Kind>) {
  return fc
    .tuple(fc.constantFrom(...Object.keys(fields)), fc.option(fc.tuple(fc.constantFrom(...Object.keys(fields)), hugeNumber), { nil: null }))
    .chain(([path, huge]) =>
      wrong[fields[path]!].map((value) => {
        const out = structuredClone(base);
        if (huge && huge[0] !== path) setPath(out, huge[0], huge[1]);
        setPath(out, path, value);
        return out;
      }),
    );
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (at[key] === null || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
}

export const LEAD_FIELDS: Record<string, Kind> = {
  segment: 'string',
  country: 'string',
  region: 'string',
  city: 'string',
  fullName: 'string',
  phone: 'string',
  email: 'string',
  kind: 'enum',
  temperature: 'enum',
  sourceChannel: 'enum',
  capturedAt: 'dateTime',
  'consent.text': 'string',
  'consent.timestamp': 'dateTime',
  'consent.ip': 'string',
  attributes: 'json',
  exclusivity: 'enum',
  maxSales: 'int',
  askingPrice: 'decimal',
  formFillSeconds: 'int',
  externalId: 'string',
};
export const CAMPAIGN = {
  name: 'Hostile',
  filter: { segments: ['AUTO_TEST_DRIVE'] },
  maxBid: '5.00',
  exclusivity: 'SHARED',
  dailyCap: 5,
  budget: '50.00',
  timeZone: 'UTC',
};
export const CAMPAIGN_FIELDS: Record<string, Kind> = {
  name: 'string',
  filter: 'object',
  maxBid: 'decimal',
  exclusivity: 'enum',
  dailyCap: 'int',
  budget: 'decimal',
  timeZone: 'string',
  'filter.segments': 'list',
};
export const PING = { segment: 'AUTO_TEST_DRIVE', country: 'US', kind: 'INTERESTED', exclusivity: 'SHARED' };
export const PING_FIELDS: Record<string, Kind> = {
  segment: 'string',
  country: 'string',
  kind: 'enum',
  exclusivity: 'enum',
  attributes: 'json',
  postalCode: 'string',
};

// anything for read-only arguments: valid-looking values, wrong types, unstorable text, huge numbers
export const anyArg = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  unstorableText,
  hugeNumber,
  fc.constantFrom('0.001', '1e400', '-1', '', '9999999999.9999', 'NEWEST'),
);
export const filterArb = fc.oneof(
  fc.record(
    {
      segments: fc.array(fc.oneof(fc.string(), unstorableText), { maxLength: 3 }),
      maxAgeHours: fc.oneof(fc.integer(), hugeNumber),
      minPrice: anyArg,
      maxPrice: anyArg,
      minSellerQuality: anyArg,
      verifiedOnly: anyArg,
    },
    { requiredKeys: [] },
  ),
  notAnObject,
  anyArg,
);
