import type { LeadIssue, NormalizedContact, TLeadInput } from './lead.types';
import { scoreLead, temperatureFromScore } from './lead-score.rules';

const NOW = new Date('2025-06-10T12:00:00Z');
const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

function lead(overrides: Partial<TLeadInput> = {}): TLeadInput {
  return {
    segment: 'FINANCE',
    country: 'US',
    fullName: 'John Doe',
    kind: 'PROMOTIONAL',
    sourceChannel: 'SEO',
    capturedAt: hoursAgo(24 * 30), // too old for freshness points
    consent: { text: 'I agree to be contacted.', timestamp: hoursAgo(24 * 30) },
    exclusivity: 'SHARED',
    ...overrides,
  };
}

const noContact: NormalizedContact = {
  fullName: 'John Doe',
  phoneE164: null,
  phoneCountry: null,
  email: null,
  socialUrl: null,
  preferredContactTime: null,
};
const fullContact: NormalizedContact = {
  fullName: 'John Doe',
  phoneE164: '+14155552671',
  phoneCountry: 'US',
  email: 'john@example.com',
  socialUrl: 'https://vk.com/id1',
  preferredContactTime: 'evenings',
};
const warning = (code: string): LeadIssue => ({ code, field: null, message: code, severity: 'WARNING' });

const score = (input: TLeadInput, contact = noContact, warnings: LeadIssue[] = []) => scoreLead(input, contact, warnings, NOW).score;

describe('scoreLead', () => {
  it.each([
    ['INTERESTED', 30],
    ['REGISTRATION', 20],
    ['QUICK', 15],
    ['PROMOTIONAL', 10],
  ] as const)('gives a stale %s lead with no contact its kind points only (%i)', (kind, points) => {
    expect(score(lead({ kind }))).toBe(points);
  });

  it('adds completeness points for each valid way to reach the person', () => {
    const base = score(lead());
    expect(score(lead(), { ...noContact, phoneE164: '+14155552671' }) - base).toBe(15);
    expect(score(lead(), { ...noContact, email: 'john@example.com' }) - base).toBe(10);
    expect(score(lead(), { ...noContact, socialUrl: 'https://vk.com/id1' }) - base).toBe(5);
    expect(score(lead(), { ...noContact, preferredContactTime: 'mornings' }) - base).toBe(5);
  });

  it('gives 2 points per filled attribute, 10 at most, and none for blank answers', () => {
    const base = score(lead());
    expect(score(lead({ attributes: { amount: 5000, term: '12' } })) - base).toBe(4);
    expect(score(lead({ attributes: { amount: 5000, term: ' ', purpose: null } })) - base).toBe(2);
    const six = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 };
    expect(score(lead({ attributes: six })) - base).toBe(10);
  });

  it.each([
    ['HOT', 15],
    ['WARM', 8],
    ['COLD', 0],
  ] as const)('adds stated intent points for %s', (temperature, points) => {
    expect(score(lead({ temperature })) - score(lead())).toBe(points);
  });

  it.each([
    [0, 15],
    [23.99, 15],
    [24, 10],
    [71.99, 10],
    [72, 5],
    [7 * 24 - 0.01, 5],
    [7 * 24, 0],
  ])('gives a lead captured %f hours ago %i freshness points', (hours, points) => {
    expect(score(lead({ capturedAt: hoursAgo(hours) })) - score(lead())).toBe(points);
  });

  it('counts a capture slightly ahead of the clock as brand new', () => {
    expect(score(lead({ capturedAt: hoursAgo(-0.05) })) - score(lead())).toBe(15);
  });

  it('takes 15 points per warning and ignores errors', () => {
    const input = lead({ kind: 'INTERESTED' });
    expect(score(input, noContact, [warning('FAST_FORM_FILL')])).toBe(15);
    expect(score(input, noContact, [{ ...warning('PHONE_INVALID'), severity: 'ERROR' }])).toBe(30);
  });

  it('never goes below 0', () => {
    expect(score(lead(), noContact, [warning('IP_BURST'), warning('BOT_USER_AGENT')])).toBe(0);
  });

  it('never goes above 100', () => {
    const best = lead({
      kind: 'INTERESTED',
      temperature: 'HOT',
      capturedAt: hoursAgo(1),
      attributes: { a: 1, b: 2, c: 3, d: 4, e: 5 },
    });
    // 30 + 45 completeness + 15 intent + 15 freshness = 105
    expect(score(best, fullContact)).toBe(100);
    expect(score(best, fullContact, [warning('DUPLICATE_PHONE')])).toBe(90);
  });

  it('keeps the temperature the seller stated', () => {
    expect(scoreLead(lead({ temperature: 'COLD', kind: 'INTERESTED', capturedAt: hoursAgo(1) }), fullContact, [], NOW)).toEqual({
      score: 80,
      temperature: 'COLD',
    }); // 30 + 35 completeness + 0 intent + 15 freshness
  });

  it('derives the temperature from the score when none was stated', () => {
    expect(scoreLead(lead({ kind: 'INTERESTED', capturedAt: hoursAgo(1) }), fullContact, [], NOW).temperature).toBe('HOT');
    expect(scoreLead(lead({ kind: 'QUICK' }), { ...noContact, phoneE164: '+14155552671' }, [], NOW)).toEqual({ score: 30, temperature: 'COLD' });
  });
});

describe('temperatureFromScore', () => {
  it.each([
    [100, 'HOT'],
    [70, 'HOT'],
    [69, 'WARM'],
    [40, 'WARM'],
    [39, 'COLD'],
    [0, 'COLD'],
  ] as const)('calls a score of %i %s', (value, temperature) => {
    expect(temperatureFromScore(value)).toBe(temperature);
  });
});
