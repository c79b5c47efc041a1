import type { CampaignFieldsFragment } from '../../gql/graphql';
import type { ApiError } from '../../lib/api-errors';
import { EMPTY_FILTER, toFilterDraft } from '../marketplace/filter-state';
import {
  campaignFormFromCampaign,
  emptyCampaignForm,
  filterErrorsOf,
  placeCampaignApiErrors,
  timeZoneOptions,
  toCampaignInput,
  toDecimalString,
  validateCampaignForm,
  type CampaignFormValues,
} from './campaign-form';

const filled = (patch: Partial<CampaignFormValues> = {}): CampaignFormValues => ({
  ...emptyCampaignForm('Europe/Berlin'),
  name: '  Test drives LA ',
  maxBid: '45',
  filter: { state: { ...EMPTY_FILTER, segments: ['AUTO_TEST_DRIVE'], kinds: ['INTERESTED'] }, countries: 'us', regions: '', cities: 'Los Angeles, Pasadena' },
  ...patch,
});

describe('amounts as Decimal strings', () => {
  it('normalizes to the currency’s decimals, accepting a decimal comma', () => {
    expect(toDecimalString('45', 2)).toBe('45.00');
    expect(toDecimalString(' 12.5 ', 2)).toBe('12.50');
    expect(toDecimalString('12,5', 2)).toBe('12.50');
    expect(toDecimalString('1 000.25', 2)).toBe('1000.25');
    expect(toDecimalString('100', 0)).toBe('100');
  });

  it('refuses zero, negatives, too many decimals and non-numbers', () => {
    for (const bad of ['0', '0.00', '-5', '12.345', 'abc', '', '1e3', '12.']) expect(toDecimalString(bad, 2)).toBeNull();
    expect(toDecimalString('12.5', 0)).toBeNull();
  });
});

describe('campaign form → CampaignInput', () => {
  it('maps every field: Decimal strings, numbers, nulls for empty optional fields, the filter and the schedule', () => {
    const input = toCampaignInput(
      filled({
        maxBid: '45',
        budget: '1000,5',
        dailyCap: ' 20 ',
        exclusivity: 'EXCLUSIVE',
        schedule: [
          { days: ['TUE', 'MON'], from: '09:00', to: '18:00' },
          { days: ['SAT'], from: '20:00', to: '00:00' },
        ],
      }),
      2,
    );
    expect(input).toEqual({
      name: 'Test drives LA',
      filter: { segments: ['AUTO_TEST_DRIVE'], countries: ['US'], cities: ['Los Angeles', 'Pasadena'], kinds: ['INTERESTED'] },
      maxBid: '45.00',
      exclusivity: 'EXCLUSIVE',
      dailyCap: 20,
      budget: '1000.50',
      schedule: [
        { days: ['MON', 'TUE'], from: '09:00', to: '18:00' },
        { days: ['SAT'], from: '20:00', to: '24:00' },
      ],
      timeZone: 'Europe/Berlin',
      kind: 'INTERNAL',
    });
    expect(typeof input.maxBid).toBe('string');
  });

  it('sends no budget, no cap and an empty schedule (always on) when they are left empty', () => {
    const input = toCampaignInput(filled(), 2);
    expect(input).toMatchObject({ budget: null, dailyCap: null, schedule: [] });
  });

  it('leaves the filter’s own exclusivity out: the campaign’s decides', () => {
    const form = filled({ exclusivity: 'SHARED' });
    form.filter = { ...form.filter, state: { ...form.filter.state, exclusivity: 'EXCLUSIVE' } };
    expect(toCampaignInput(form, 2).filter).not.toHaveProperty('exclusivity');
    expect(toCampaignInput(form, 2).exclusivity).toBe('SHARED');
  });

  it('an empty filter is {} (every lead of the campaign’s exclusivity)', () => {
    expect(toCampaignInput(filled({ filter: toFilterDraft(EMPTY_FILTER) }), 2).filter).toEqual({});
  });

  it('reads a saved campaign back into the form and sends the same input again', () => {
    const saved: CampaignFieldsFragment = {
      id: 'cmp_1',
      name: 'Tokyo office hours',
      active: true,
      maxBid: { amount: '45.00', currencyCode: 'USD' },
      exclusivity: 'EXCLUSIVE',
      dailyCap: 20,
      budget: { amount: '900.00', currencyCode: 'USD' },
      spent: { amount: '0.00', currencyCode: 'USD' },
      wonToday: 0,
      filter: { segments: ['FINANCE'], countries: ['US'], cities: null, minPrice: '10', verifiedOnly: null },
      schedule: [{ days: ['MON', 'TUE'], from: '09:00', to: '24:00' }],
      timeZone: 'Asia/Tokyo',
      deliveryEndpointId: 'wep_crm',
      priority: 3,
      weight: 2,
      kind: 'INTERNAL',
      pingUrl: null,
      postUrl: null,
      pingTimeoutMs: null,
      responseMapping: null,
      pausedReason: null,
    };
    const form = campaignFormFromCampaign(saved);
    expect(form.deliveryEndpointId).toBe('wep_crm');
    expect(toCampaignInput(form, 2).deliveryEndpointId).toBe('wep_crm');
    // the default endpoint is sent as no endpoint at all
    expect('deliveryEndpointId' in toCampaignInput({ ...form, deliveryEndpointId: '' }, 2)).toBe(false);
    expect(form).toMatchObject({
      name: 'Tokyo office hours',
      maxBid: '45.00',
      budget: '900.00',
      dailyCap: '20',
      timeZone: 'Asia/Tokyo',
      exclusivity: 'EXCLUSIVE',
      priority: '3',
      weight: '2',
    });
    expect(form.filter.countries).toBe('US');
    expect(form.schedule).toEqual([{ days: ['MON', 'TUE'], from: '09:00', to: '00:00' }]);
    expect(toCampaignInput(form, 2)).toEqual({
      name: 'Tokyo office hours',
      filter: { segments: ['FINANCE'], countries: ['US'], minPrice: '10' },
      maxBid: '45.00',
      exclusivity: 'EXCLUSIVE',
      dailyCap: 20,
      budget: '900.00',
      schedule: [{ days: ['MON', 'TUE'], from: '09:00', to: '24:00' }],
      timeZone: 'Asia/Tokyo',
      deliveryEndpointId: 'wep_crm',
      priority: 3,
      weight: 2,
      kind: 'INTERNAL',
    });
    // a REMOTE campaign comes back with its addresses, timeout and mapping, and is sent the same way
    const remote = campaignFormFromCampaign({
      ...saved,
      kind: 'REMOTE',
      pingUrl: 'https://bids.example.com/ping',
      postUrl: 'https://bids.example.com/post',
      pingTimeoutMs: 250,
      responseMapping: { bid: '$.offer.amount', reference: '$.id' },
    });
    expect(remote).toMatchObject({ kind: 'REMOTE', pingTimeoutMs: '250', mappingBid: '$.offer.amount', mappingReference: '$.id', mappingPass: '' });
    expect(toCampaignInput(remote, 2)).toMatchObject({
      kind: 'REMOTE',
      pingUrl: 'https://bids.example.com/ping',
      postUrl: 'https://bids.example.com/post',
      pingTimeoutMs: 250,
      responseMapping: { bid: '$.offer.amount', reference: '$.id' },
    });
    // turning it back into an internal campaign sends the kind and nothing remote
    const internal = toCampaignInput({ ...remote, kind: 'INTERNAL' }, 2);
    expect(internal.kind).toBe('INTERNAL');
    expect('pingUrl' in internal || 'responseMapping' in internal).toBe(false);
    // a filter that is not an object is no filter
    expect(campaignFormFromCampaign({ ...saved, filter: 'nonsense' }).filter.state.segments).toEqual([]);
  });
});

describe('campaign form checks', () => {
  it('passes a complete form', () => {
    expect(validateCampaignForm(filled(), 2)).toEqual({});
  });
  it('a REMOTE campaign needs its ping and post addresses; the timeout and the JSON paths are checked', () => {
    expect(validateCampaignForm(filled({ kind: 'REMOTE' }), 2)).toEqual({
      pingUrl: 'Required for a campaign your system bids for.',
      postUrl: 'Required for a campaign your system bids for.',
    });
    expect(
      validateCampaignForm(
        filled({
          kind: 'REMOTE',
          pingUrl: 'ftp://x.example',
          postUrl: 'not a url',
          pingTimeoutMs: '5',
          mappingBid: 'bid',
          mappingPass: "$.result[0]['pass-flag']",
        }),
        2,
      ),
    ).toEqual({
      pingUrl: 'An https:// address.',
      postUrl: 'An address like https://bids.example.com/ping.',
      pingTimeoutMs: 'A whole number of milliseconds from 10 to 10,000.',
      'responseMapping.bid': 'A path like $.bid or $.result[0].price.',
    });
    // an internal campaign ignores whatever remote fields were typed
    expect(validateCampaignForm(filled({ kind: 'INTERNAL', pingUrl: 'nope' }), 2)).toEqual({});
  });
  it('takes a priority from 0 to 1000 and a weight from 1 to 1000, both optional (the API defaults 0 and 1)', () => {
    expect(validateCampaignForm(filled({ priority: '0', weight: '1000' }), 2)).toEqual({});
    expect(validateCampaignForm(filled({ priority: '1001', weight: '0' }), 2)).toEqual({
      priority: 'A whole number from 0 to 1,000.',
      weight: 'A whole number from 1 to 1,000.',
    });
    expect(validateCampaignForm(filled({ priority: '2.5' }), 2)).toHaveProperty('priority');
    expect(toCampaignInput(filled({ priority: ' 4 ', weight: '' }), 2)).toMatchObject({ priority: 4, weight: undefined });
  });

  it('names each problem by its CampaignInput path', () => {
    const errors = validateCampaignForm(
      filled({
        name: ' ',
        maxBid: '0',
        budget: '12.345',
        dailyCap: '0',
        timeZone: '',
        filter: { ...toFilterDraft(EMPTY_FILTER), countries: 'USA' },
        schedule: [
          { days: ['MON'], from: '09:00', to: '18:00' },
          { days: ['MON'], from: '18:00', to: '09:00' },
        ],
      }),
      2,
    );
    expect(Object.keys(errors).sort()).toEqual(['budget', 'dailyCap', 'filter.countries', 'maxBid', 'name', 'schedule[1].to', 'timeZone']);
    expect(filterErrorsOf(errors)).toEqual({ countries: expect.stringMatching(/two-letter/) });
    expect(validateCampaignForm(filled({ maxBid: '' }), 2).maxBid).toMatch(/most you would pay/);
  });

  it('checks decimals against the currency', () => {
    expect(validateCampaignForm(filled({ maxBid: '45.50' }), 0).maxBid).toMatch(/0 decimals/);
    expect(validateCampaignForm(filled({ maxBid: '45' }), 0)).toEqual({});
  });
});

describe('API errors on the campaign form', () => {
  const apiError = (fields: { path: string; message: string }[]): ApiError => ({ code: 'BAD_USER_INPUT', reason: null, message: 'Invalid input', fields });

  it('places input.maxBid, input.schedule[0].to, input.timeZone and filter items next to their inputs', () => {
    const placed = placeCampaignApiErrors(
      apiError([
        { path: 'input.maxBid', message: 'a positive amount in USD' },
        { path: 'input.schedule[0].to', message: '"from" must be before "to"' },
        { path: 'input.schedule[1].days[0]', message: 'Invalid enum value' },
        { path: 'input.timeZone', message: 'an IANA time zone such as "Europe/Berlin"' },
        { path: 'input.filter.countries[1]', message: 'too long' },
        { path: 'input.filter.statuses', message: 'campaigns bid on listed leads only' },
      ]),
      2,
    );
    expect(placed.byField).toEqual({
      maxBid: 'a positive amount in USD',
      'schedule[0].to': '"from" must be before "to"',
      'schedule[1].days': 'Invalid enum value',
      timeZone: 'an IANA time zone such as "Europe/Berlin"',
      'filter.countries': 'too long',
    });
    expect(placed.unplaced).toEqual(['filter.statuses: campaigns bid on listed leads only']);
  });

  it('a schedule row the form no longer has falls back to the schedule', () => {
    const placed = placeCampaignApiErrors(apiError([{ path: 'input.schedule[3].to', message: 'bad' }]), 1);
    expect(placed.byField).toEqual({});
    expect(placed.unplaced).toEqual(['schedule[3].to: bad']);
    expect(placeCampaignApiErrors(null, 0)).toEqual({ byField: {}, unplaced: [] });
  });
});

describe('time zones', () => {
  it('lists UTC first, then the known zones sorted, keeping a saved zone the runtime does not list', () => {
    expect(timeZoneOptions(['Europe/Berlin', 'America/New_York', 'UTC'], 'Etc/GMT+5', null)).toEqual(['UTC', 'America/New_York', 'Etc/GMT+5', 'Europe/Berlin']);
    expect(timeZoneOptions([], 'UTC')).toEqual(['UTC']);
  });

  it('defaults a new campaign to the browser’s zone', () => {
    expect(emptyCampaignForm().timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
