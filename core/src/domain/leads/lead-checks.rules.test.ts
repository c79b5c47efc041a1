import type { SegmentDefinition, SignalContext, TLeadInput } from './lead.types';
import { checkLead, checkLeadHard, checkLeadSoft, isSuspiciousName, runHardChecks, runSoftSignals, validateAttributes } from './lead-checks.rules';
import { normalizeContact } from './contact.rules';

const NOW = new Date('2025-06-10T12:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const INSURANCE: SegmentDefinition = {
  code: 'INSURANCE',
  name: 'Insurance',
  subsegments: [
    { code: 'CASCO', name: 'CASCO' },
    { code: 'OSAGO', name: 'OSAGO' },
  ],
  attributeSchema: {
    fields: [
      { name: 'vehicleModel', type: 'string', label: 'Vehicle model', required: true, min: 2, max: 40 },
      { name: 'vehicleYear', type: 'integer', label: 'Vehicle year', requiredFor: ['CASCO'], min: 1990, max: 2026 },
      { name: 'coverAmount', type: 'number', label: 'Cover amount', min: 1000, max: 1_000_000 },
      { name: 'hasDriverLicense', type: 'boolean', label: 'Has a driver licence' },
      { name: 'policyStart', type: 'date', label: 'Policy start' },
      { name: 'vehicleBrand', type: 'enum', label: 'Vehicle brand', values: ['TOYOTA', 'BMW', 'LADA'] },
    ],
  },
  commissionBps: 2000,
  returnWindowHours: 72,
  ttlDays: 30,
  failedBatchPolicy: 'DISCOUNT',
  verificationProvider: 'automatic',
  failureThresholdBps: 1000,
};
const schema = INSURANCE.attributeSchema;

function lead(overrides: Partial<TLeadInput> = {}): TLeadInput {
  return {
    segment: 'INSURANCE',
    subsegment: 'OSAGO',
    country: 'RU',
    region: 'RU-MOW',
    fullName: 'Ivan Petrov',
    phone: '+79161234567',
    email: 'ivan.petrov@example.com',
    kind: 'INTERESTED',
    sourceChannel: 'CONTEXT_ADS',
    capturedAt: ago(2 * 60 * MINUTE),
    consent: { text: 'I agree to be contacted about insurance offers.', timestamp: ago(2 * 60 * MINUTE) },
    attributes: { vehicleModel: 'Camry' },
    exclusivity: 'SHARED',
    formFillSeconds: 40,
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
    ...overrides,
  };
}

const ctx = (overrides: Partial<SignalContext> = {}): SignalContext => ({
  now: NOW,
  duplicatePhone: false,
  duplicateEmail: false,
  leadsFromSameIpInBatch: 1,
  ...overrides,
});
const hardCodes = (input: TLeadInput, segment: SegmentDefinition | undefined = INSURANCE) => runHardChecks(input, segment, NOW).map((issue) => issue.code);
const signalCodes = (input: TLeadInput, context = ctx()) => runSoftSignals(input, normalizeContact(input).contact, context).map((issue) => issue.code);

describe('runHardChecks', () => {
  it('passes a complete, fresh, consented lead', () => {
    expect(runHardChecks(lead(), INSURANCE, NOW)).toEqual([]);
  });

  it("rejects a lead for a segment that does not exist, skipping the segment's own checks", () => {
    expect(runHardChecks(lead({ attributes: {} }), undefined, NOW)).toEqual([
      expect.objectContaining({ code: 'SEGMENT_UNKNOWN', field: 'segment', severity: 'ERROR' }),
    ]);
  });

  it('rejects a subsegment the segment does not have, and allows none', () => {
    expect(hardCodes(lead({ subsegment: 'LOAN' }))).toEqual(['SUBSEGMENT_UNKNOWN']);
    expect(hardCodes(lead({ subsegment: null }))).toEqual([]);
  });

  it.each(['XX', 'UK', 'ru', 'RUS', ''])('rejects the country code "%s"', (country) => {
    expect(hardCodes(lead({ country, region: null }))).toEqual(['COUNTRY_INVALID']);
  });

  it.each([
    ['US-CA', 'US'],
    ['RU-MOW', 'RU'],
    ['GB-LND', 'GB'],
    ['VN-SG', 'VN'],
  ])('accepts the region %s in %s', (region, country) => {
    expect(hardCodes(lead({ country, region }))).toEqual([]);
  });

  it.each(['US-CA', 'MOW', 'RU_MOW', 'ru-mow', 'RU-MOSCOW'])('rejects the region %s for a Russian lead', (region) => {
    expect(hardCodes(lead({ region }))).toEqual(['REGION_INVALID']);
  });

  it('rejects a lead without consent text', () => {
    const consent = { text: '   ', timestamp: ago(DAY) };
    expect(runHardChecks(lead({ consent }), INSURANCE, NOW)).toEqual([expect.objectContaining({ code: 'CONSENT_MISSING', field: 'consent.text' })]);
  });

  it('accepts consent recorded up to one day after the capture, not later', () => {
    const capturedAt = ago(3 * DAY);
    const consentAt = (ms: number) => ({ text: 'I agree.', timestamp: new Date(capturedAt.getTime() + ms) });
    expect(hardCodes(lead({ capturedAt, consent: consentAt(DAY) }))).toEqual([]);
    expect(runHardChecks(lead({ capturedAt, consent: consentAt(DAY + 1) }), INSURANCE, NOW)).toEqual([
      expect.objectContaining({ code: 'CONSENT_INVALID', field: 'consent.timestamp' }),
    ]);
  });

  it('accepts consent given long before the capture', () => {
    expect(hardCodes(lead({ consent: { text: 'I agree.', timestamp: ago(200 * DAY) } }))).toEqual([]);
  });

  it('rejects consent timed in the future or not a date', () => {
    const capturedAt = new Date(NOW.getTime() + 4 * MINUTE);
    expect(hardCodes(lead({ capturedAt, consent: { text: 'I agree.', timestamp: new Date(NOW.getTime() + 6 * MINUTE) } }))).toEqual(['CONSENT_INVALID']);
    expect(hardCodes(lead({ consent: { text: 'I agree.', timestamp: new Date('nope') } }))).toEqual(['CONSENT_INVALID']);
  });

  it('allows five minutes of clock skew on the capture time, not more', () => {
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    expect(hardCodes(lead({ capturedAt: at(5 * MINUTE), consent: { text: 'ok', timestamp: at(5 * MINUTE) } }))).toEqual([]);
    expect(hardCodes(lead({ capturedAt: at(5 * MINUTE + 1), consent: { text: 'ok', timestamp: NOW } }))).toEqual(['CAPTURED_IN_FUTURE']);
  });

  it('rejects a capture time that is not a date', () => {
    expect(hardCodes(lead({ capturedAt: new Date('nope') }))).toEqual(['CAPTURED_AT_INVALID']);
  });

  it("accepts a lead exactly at the segment's TTL and rejects it a millisecond later", () => {
    const consent = { text: 'I agree.', timestamp: ago(40 * DAY) };
    expect(hardCodes(lead({ capturedAt: ago(30 * DAY), consent }))).toEqual([]);
    expect(runHardChecks(lead({ capturedAt: ago(30 * DAY + 1), consent }), INSURANCE, NOW)).toEqual([
      expect.objectContaining({ code: 'LEAD_TOO_OLD', field: 'capturedAt' }),
    ]);
  });

  it('validates the attributes against the segment schema and subsegment', () => {
    expect(runHardChecks(lead({ subsegment: 'CASCO' }), INSURANCE, NOW)).toEqual([
      expect.objectContaining({ code: 'ATTRIBUTE_REQUIRED', field: 'attributes.vehicleYear', severity: 'ERROR' }),
    ]);
  });
});

describe('validateAttributes', () => {
  const check = (attributes: Record<string, unknown>, subsegment: string | null = 'OSAGO') =>
    validateAttributes({ vehicleModel: 'Camry', ...attributes }, schema, subsegment).map((i) => `${i.code} ${i.field}`);

  it('requires an attribute marked required, blank counting as missing', () => {
    expect(validateAttributes({}, schema, null).map((i) => i.code)).toEqual(['ATTRIBUTE_REQUIRED']);
    expect(check({ vehicleModel: '  ' })).toEqual(['ATTRIBUTE_REQUIRED attributes.vehicleModel']);
    expect(validateAttributes(null, schema, null).map((i) => i.code)).toEqual(['ATTRIBUTE_REQUIRED']);
  });

  it('neither requires nor keeps an attribute that does not apply to the subsegment', () => {
    const motorOnly = {
      fields: [{ name: 'vehicleYear', type: 'integer' as const, label: 'Vehicle year', requiredFor: ['CASCO'], appliesTo: ['CASCO', 'OSAGO'] }],
    };
    expect(validateAttributes({}, motorOnly, 'CASCO').map((i) => i.code)).toEqual(['ATTRIBUTE_REQUIRED']);
    expect(validateAttributes({}, motorOnly, 'LIFE')).toEqual([]);
    expect(validateAttributes({ vehicleYear: 'soon' }, motorOnly, 'LIFE').map((i) => `${i.code} ${i.severity}`)).toEqual(['ATTRIBUTE_NOT_APPLICABLE WARNING']);
    // without a subsegment the field is asked (optional unless required for the whole segment)
    expect(validateAttributes({ vehicleYear: 2020 }, motorOnly, null)).toEqual([]);
  });

  it('requires an attribute only for the subsegments that need it', () => {
    expect(check({}, 'CASCO')).toEqual(['ATTRIBUTE_REQUIRED attributes.vehicleYear']);
    expect(check({}, 'OSAGO')).toEqual([]);
    expect(check({}, null)).toEqual([]);
  });

  it.each([
    ['a string within its length bounds', { vehicleModel: 'X5' }, []],
    ['a string too short', { vehicleModel: 'X' }, ['ATTRIBUTE_INVALID attributes.vehicleModel']],
    ['a string too long', { vehicleModel: 'x'.repeat(41) }, ['ATTRIBUTE_INVALID attributes.vehicleModel']],
    ['a number for a string', { vehicleModel: 42 }, ['ATTRIBUTE_INVALID attributes.vehicleModel']],
    ['an integer at its bounds', { vehicleYear: 1990 }, []],
    ['an integer as CSV text', { vehicleYear: '2026' }, []],
    ['an integer below its minimum', { vehicleYear: 1989 }, ['ATTRIBUTE_INVALID attributes.vehicleYear']],
    ['an integer above its maximum', { vehicleYear: 2027 }, ['ATTRIBUTE_INVALID attributes.vehicleYear']],
    ['a fraction for an integer', { vehicleYear: 2019.5 }, ['ATTRIBUTE_INVALID attributes.vehicleYear']],
    ['text for an integer', { vehicleYear: 'twenty' }, ['ATTRIBUTE_INVALID attributes.vehicleYear']],
    ['a number with a fraction', { coverAmount: 1500.5 }, []],
    ['a number as CSV text', { coverAmount: '1000000' }, []],
    ['a number out of range', { coverAmount: 999.99 }, ['ATTRIBUTE_INVALID attributes.coverAmount']],
    ['NaN for a number', { coverAmount: Number.NaN }, ['ATTRIBUTE_INVALID attributes.coverAmount']],
    ['a boolean', { hasDriverLicense: false }, []],
    ['a boolean as CSV text', { hasDriverLicense: 'true' }, []],
    ['yes for a boolean', { hasDriverLicense: 'yes' }, ['ATTRIBUTE_INVALID attributes.hasDriverLicense']],
    ['an ISO date', { policyStart: '2025-07-01' }, []],
    ['an ISO date-time', { policyStart: '2025-07-01T09:00:00Z' }, []],
    ['a Date object', { policyStart: new Date('2025-07-01') }, []],
    ['an impossible date', { policyStart: '2025-02-30' }, ['ATTRIBUTE_INVALID attributes.policyStart']],
    ['a local date format', { policyStart: '01.07.2025' }, ['ATTRIBUTE_INVALID attributes.policyStart']],
    ['an allowed enum value', { vehicleBrand: 'LADA' }, []],
    ['an enum value not allowed', { vehicleBrand: 'TESLA' }, ['ATTRIBUTE_INVALID attributes.vehicleBrand']],
    ['an enum value in the wrong case', { vehicleBrand: 'lada' }, ['ATTRIBUTE_INVALID attributes.vehicleBrand']],
  ])('checks %s', (_label, attributes, expected) => {
    expect(check(attributes)).toEqual(expected);
  });

  it('warns about attribute names the segment does not know, without rejecting', () => {
    expect(validateAttributes({ vehicleModel: 'Camry', colour: 'red' }, schema, null)).toEqual([
      expect.objectContaining({ code: 'ATTRIBUTE_UNKNOWN', field: 'attributes.colour', severity: 'WARNING' }),
    ]);
  });
});

describe('runSoftSignals', () => {
  it('raises nothing for a clean lead', () => {
    expect(signalCodes(lead())).toEqual([]);
  });

  it('flags a disposable mailbox and not a regular one', () => {
    expect(signalCodes(lead({ email: 'ivan@mailinator.com' }))).toEqual(['DISPOSABLE_EMAIL']);
    expect(signalCodes(lead({ email: 'ivan@gmail.com' }))).toEqual([]);
  });

  it('flags a phone from another country than the lead', () => {
    expect(signalCodes(lead({ phone: '+14155552671' }))).toEqual(['PHONE_COUNTRY_MISMATCH']);
  });

  it('flags duplicates the service found, only for contacts the lead has', () => {
    expect(signalCodes(lead(), ctx({ duplicatePhone: true, duplicateEmail: true }))).toEqual(['DUPLICATE_PHONE', 'DUPLICATE_EMAIL']);
    expect(signalCodes(lead({ email: null }), ctx({ duplicateEmail: true }))).toEqual([]);
  });

  it('flags a form filled in under 3 seconds', () => {
    expect(signalCodes(lead({ formFillSeconds: 2.9 }))).toEqual(['FAST_FORM_FILL']);
    expect(signalCodes(lead({ formFillSeconds: 3 }))).toEqual([]);
    expect(signalCodes(lead({ formFillSeconds: null }))).toEqual([]);
  });

  it('flags an IP burst from 5 leads of one IP in the batch, not 4', () => {
    expect(signalCodes(lead(), ctx({ leadsFromSameIpInBatch: 4 }))).toEqual([]);
    expect(signalCodes(lead(), ctx({ leadsFromSameIpInBatch: 5 }))).toEqual(['IP_BURST']);
  });

  it.each(['Googlebot/2.1 (+http://www.google.com/bot.html)', 'curl/8.4.0', 'python-requests/2.31'])('flags the bot user agent %s', (userAgent) => {
    expect(signalCodes(lead({ userAgent }))).toEqual(['BOT_USER_AGENT']);
  });

  it('does not flag a missing user agent', () => {
    expect(signalCodes(lead({ userAgent: null }))).toEqual([]);
  });

  it('flags a suspicious name', () => {
    expect(signalCodes(lead({ fullName: 'Test Test' }))).toEqual(['NAME_SUSPICIOUS']);
  });
});

describe('isSuspiciousName', () => {
  it.each(['John2 Doe', 'Aaaandrew', 'asdf ghjk', 'Qwerty', 'фывапролд', 'Test', 'Иван Тест', 'Fake Person'])('suspects %s', (name) =>
    expect(isSuspiciousName(name)).toBe(true),
  );

  it.each(['John Doe', 'Aaron Testa', 'Celeste Attestor', 'Nguyễn Văn An', 'Иван Петров', 'Anna-Lisa Mööller'])('trusts %s', (name) =>
    expect(isSuspiciousName(name)).toBe(false),
  );
});

describe('checkLead', () => {
  it('accepts a clean lead with its contact, a score and a temperature', () => {
    const result = checkLead(lead({ attributes: { vehicleModel: 'Camry', vehicleYear: 2019 } }), INSURANCE, ctx());
    expect(result.issues).toEqual([]);
    expect(result.contact.phoneE164).toBe('+79161234567');
    // INTERESTED 30 + phone 15 + e-mail 10 + 2 attributes 4 + captured 2 h ago 15
    expect(result).toMatchObject({ score: 74, temperature: 'HOT' });
  });

  it('gathers contact errors, hard-check errors and signals in one list', () => {
    const result = checkLead(lead({ phone: 'nope', email: 'ivan@mailinator.com', region: 'US-CA', formFillSeconds: 1 }), INSURANCE, ctx());
    expect(result.issues.map((issue) => issue.code)).toEqual(['PHONE_INVALID', 'REGION_INVALID', 'DISPOSABLE_EMAIL', 'FAST_FORM_FILL']);
  });

  it('lowers the score per soft signal but not for unknown attributes, which earn no points', () => {
    const clean = checkLead(lead(), INSURANCE, ctx()).score;
    const withUnknown = checkLead(lead({ attributes: { vehicleModel: 'Camry', colour: 'red' } }), INSURANCE, ctx());
    expect(withUnknown.issues.map((i) => i.code)).toEqual(['ATTRIBUTE_UNKNOWN']);
    expect(withUnknown.score).toBe(clean);
    expect(checkLead(lead(), INSURANCE, ctx({ duplicatePhone: true })).score).toBe(clean - 15);
  });

  it('still reports contact problems when the segment is unknown', () => {
    const result = checkLead(lead({ segment: 'PETS', phone: null, email: null }), undefined, ctx());
    expect(result.issues.map((issue) => issue.code)).toEqual(['CONTACT_MISSING', 'SEGMENT_UNKNOWN']);
  });

  it('never reports a duplicate for a lead that fails a hard check, so rejected leads cannot probe the platform', () => {
    const rejected = checkLead(lead({ region: 'US-CA' }), INSURANCE, ctx({ duplicatePhone: true, duplicateEmail: true }));
    expect(rejected.issues.map((i) => i.code)).toEqual(['REGION_INVALID']);
    const passing = checkLead(lead(), INSURANCE, ctx({ duplicatePhone: true, duplicateEmail: true }));
    expect(passing.issues.map((i) => i.code)).toEqual(['DUPLICATE_PHONE', 'DUPLICATE_EMAIL']);
  });

  it('gates duplicates on the hard result it is given, including checks made outside the rules (externalId, price)', () => {
    const hard = checkLeadHard(lead(), INSURANCE, NOW);
    expect(hard.passed).toBe(true);
    const failedElsewhere = {
      ...hard,
      issues: [...hard.issues, { code: 'NO_PRICE', field: 'segment', message: 'no price', severity: 'ERROR' as const }],
      passed: false,
    };
    expect(checkLeadSoft(lead(), INSURANCE, failedElsewhere, ctx({ duplicatePhone: true })).signals).toEqual([]);
    expect(checkLeadSoft(lead(), INSURANCE, hard, ctx({ duplicatePhone: true })).signals.map((s) => s.code)).toEqual(['DUPLICATE_PHONE']);
  });
});

describe('finding messages', () => {
  it('name the field and never echo what the seller typed (a shifted CSV column puts contacts anywhere)', () => {
    const typed = 'maria@example.org';
    const issues = runHardChecks(lead({ segment: typed, country: 'ZZ', region: typed, subsegment: typed }), undefined, NOW).concat(
      runHardChecks(lead({ subsegment: typed }), INSURANCE, NOW),
    );
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(['SEGMENT_UNKNOWN', 'COUNTRY_INVALID', 'REGION_INVALID', 'SUBSEGMENT_UNKNOWN']));
    for (const issue of issues) expect(issue.message).not.toContain(typed);
  });
});
