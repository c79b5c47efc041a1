import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { SEGMENTS, renderWithApi, type Handlers } from '../../test/render-with-api';
import { EditCampaignPage, NewCampaignPage } from './CampaignEditPage';
import { CampaignsPage } from './CampaignsPage';

const usd = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const campaign = (patch: Record<string, unknown> = {}) => ({
  __typename: 'Campaign',
  id: 'cmp_1',
  name: 'LA test drives',
  active: true,
  maxBid: usd('45.00'),
  exclusivity: 'EXCLUSIVE',
  dailyCap: 10,
  budget: usd('200.00'),
  spent: usd('50.00'),
  wonToday: 3,
  filter: { segments: ['AUTO_TEST_DRIVE'], cities: ['Los Angeles'] },
  schedule: [{ __typename: 'ScheduleWindow', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], from: '09:00', to: '18:00' }],
  timeZone: 'America/Los_Angeles',
  kind: 'INTERNAL',
  pingUrl: null,
  postUrl: null,
  pingTimeoutMs: null,
  responseMapping: null,
  pausedReason: null,
  ...patch,
});
const BASE: Handlers = {
  Segments: () => ({ data: { segments: SEGMENTS } }),
  Wallet: () => ({ data: { wallet: { __typename: 'Wallet', balance: usd('300.00') } } }),
};

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}</p>;
}

function renderRoutes(handlers: Handlers, route: string) {
  return renderWithApi(
    <>
      <Routes>
        <Route path="/campaigns" element={<CampaignsPage refreshMs={0} />} />
        <Route path="/campaigns/new" element={<NewCampaignPage />} />
        <Route path="/campaigns/:id/edit" element={<EditCampaignPage />} />
      </Routes>
      <Where />
    </>,
    { ...BASE, ...handlers },
    route,
  );
}

/** The error shown beside an input (its aria-describedby …-error element). */
function errorBeside(input: HTMLElement): string | null {
  const id = (input.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

describe('campaign list', () => {
  it('shows spend against budget, wins against the cap, and pauses a campaign', async () => {
    let active = true;
    const { requests } = renderRoutes(
      {
        MyCampaigns: () => ({ data: { myCampaigns: [campaign({ active })] } }),
        SetCampaignActive: (v) => {
          active = v.active as boolean;
          return { data: { setCampaignActive: { __typename: 'Campaign', id: 'cmp_1', active } } };
        },
      },
      '/campaigns',
    );
    const card = await screen.findByRole('article', { name: 'Campaign LA test drives' });
    expect(within(card).getByText('Active')).toBeTruthy();
    expect(within(card).getByText('$45.00')).toBeTruthy();
    expect(within(card).getByText('Exclusive')).toBeTruthy();
    expect(within(card).getByText(/Auto test drives · Los Angeles/)).toBeTruthy();
    expect(within(card).getByText('Mon–Fri 09:00–18:00', { exact: false })).toBeTruthy();
    const bars = within(card).getAllByRole('progressbar') as HTMLProgressElement[];
    expect(bars.map((b) => b.value)).toEqual([25, 30]);
    expect(within(card).getByRole('progressbar', { name: 'Budget used' }).getAttribute('aria-valuetext')).toBe('25% of the budget spent');
    expect(within(card).getByRole('progressbar', { name: 'Daily cap used' }).getAttribute('aria-valuetext')).toBe('3 of 10 leads today');
    expect(within(card).getByText(/of \$200\.00 budget \(25%\)/)).toBeTruthy();
    expect(within(card).getByLabelText('Won today').textContent).toBe('3');
    expect(within(card).getByText(/of 10 daily cap/)).toBeTruthy();
    expect(screen.getByLabelText('Wallet balance').textContent).toBe('$300.00');

    fireEvent.click(within(card).getByRole('button', { name: 'Pause campaign LA test drives' }));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'SetCampaignActive')?.variables).toEqual({ id: 'cmp_1', active: false }));
    expect(await within(card).findByText('Paused')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Resume campaign LA test drives' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Edit campaign LA test drives' }).getAttribute('href')).toBe('/campaigns/cmp_1/edit');
  });

  it('shows the campaign’s figures in words: leads won, average price, win rate, last win and matching leads a day', async () => {
    const figures = {
      __typename: 'CampaignFigures',
      leadsWon: 1234,
      averagePrice: { __typename: 'Money', amount: '1042.50', currencyCode: 'USD' },
      winRate: 0.0667,
      lastWonAt: '2026-12-01T10:00:00.000Z',
      matchingLeadsPerDay: 12.5,
      windowDays: 30,
    };
    renderRoutes({ MyCampaigns: () => ({ data: { myCampaigns: [{ ...campaign({}), figures }] } }) }, '/campaigns');
    const card = await screen.findByRole('article', { name: 'Campaign LA test drives' });
    const facts = within(card).getByLabelText('Campaign figures');
    expect(facts.textContent).toContain('1,234');
    expect(facts.textContent).toContain('$1,042.50');
    expect(facts.textContent).toContain('6.7%');
    expect(facts.textContent).toContain('≈ 12.5 a day');
  });

  it('without budget or cap there are no bars; an empty list invites to create one; errors can be retried', async () => {
    renderRoutes({ MyCampaigns: () => ({ data: { myCampaigns: [campaign({ budget: null, dailyCap: null, schedule: [] })] } }) }, '/campaigns');
    const card = await screen.findByRole('article', { name: 'Campaign LA test drives' });
    expect(within(card).queryAllByRole('progressbar')).toEqual([]);
    expect(within(card).getByText(/no budget limit/)).toBeTruthy();
    expect(within(card).getByText(/Always on/)).toBeTruthy();
  });

  it('empty and error states', async () => {
    let fail = true;
    renderRoutes(
      {
        MyCampaigns: () =>
          fail ? { errors: [{ message: 'Database unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } : { data: { myCampaigns: [] } },
      },
      '/campaigns',
    );
    expect(await screen.findByText('Campaigns could not be loaded')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No campaigns yet.')).toBeTruthy();
  });
});

describe('campaign form', () => {
  const fillBasics = () => {
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Pasadena drives' } });
    fireEvent.change(screen.getByLabelText('Exclusivity'), { target: { value: 'EXCLUSIVE' } });
    fireEvent.change(screen.getByLabelText('Max bid'), { target: { value: '120' } });
    fireEvent.change(screen.getByLabelText('Budget'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Daily cap'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Auto test drives' }));
    fireEvent.change(screen.getByLabelText('Cities'), { target: { value: 'Pasadena' } });
  };

  it('explains the second-price auction and defaults the time zone to the browser’s', async () => {
    renderRoutes({}, '/campaigns/new');
    expect(await screen.findByText(/next-highest bid plus 0\.01, at least the lead’s own price/)).toBeTruthy();
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone.options.length).toBeGreaterThan(100);
    // the filter's own exclusivity is not offered: the campaign's decides
    expect(screen.getAllByLabelText('Exclusivity')).toHaveLength(1);
  });

  it('checks the schedule before sending, then creates the campaign and goes back to the list', async () => {
    const { requests } = renderRoutes(
      {
        MyCampaigns: () => ({ data: { myCampaigns: [] } }),
        CreateCampaign: (v) => ({ data: { createCampaign: campaign({ name: (v.input as { name: string }).name }) } }),
      },
      '/campaigns/new',
    );
    await screen.findByRole('checkbox', { name: 'Auto test drives' });
    fillBasics();
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'America/Los_Angeles' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a time window' }));
    const window1 = screen.getByRole('group', { name: 'Window 1' });
    fireEvent.click(within(window1).getByRole('checkbox', { name: 'Sat' }));
    fireEvent.change(within(window1).getByLabelText('From'), { target: { value: '18:00' } });
    fireEvent.change(within(window1).getByLabelText('To'), { target: { value: '08:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create campaign' }));

    expect(errorBeside(within(window1).getByLabelText('To'))).toMatch(/end must be after the start/);
    expect(screen.getByRole('alert').textContent).toMatch(/not saved/);
    expect(requests.some((r) => r.operationName === 'CreateCampaign')).toBe(false);

    fireEvent.change(within(window1).getByLabelText('To'), { target: { value: '00:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create campaign' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/campaigns'));
    expect(requests.find((r) => r.operationName === 'CreateCampaign')!.variables).toEqual({
      input: {
        name: 'Pasadena drives',
        filter: { segments: ['AUTO_TEST_DRIVE'], cities: ['Pasadena'] },
        maxBid: '120.00',
        exclusivity: 'EXCLUSIVE',
        dailyCap: 5,
        budget: '500.00',
        schedule: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], from: '18:00', to: '24:00' }],
        timeZone: 'America/Los_Angeles',
        kind: 'INTERNAL',
      },
    });
    expect(await screen.findByText('Campaign “Pasadena drives” saved.')).toBeTruthy();
  });

  it('creates a REMOTE campaign: the ping and post addresses appear only for it and are required', async () => {
    const { requests } = renderRoutes(
      {
        MyCampaigns: () => ({ data: { myCampaigns: [] } }),
        CreateCampaign: (v) => ({ data: { createCampaign: campaign({ name: (v.input as { name: string }).name, kind: 'REMOTE' }) } }),
      },
      '/campaigns/new',
    );
    await screen.findByRole('checkbox', { name: 'Auto test drives' });
    fillBasics();
    expect(screen.queryByLabelText(/Ping URL/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Bidding'), { target: { value: 'REMOTE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create campaign' }));
    expect(errorBeside(screen.getByLabelText(/Ping URL/))).toMatch(/Required/);
    expect(requests.some((r) => r.operationName === 'CreateCampaign')).toBe(false);
    fireEvent.change(screen.getByLabelText(/Ping URL/), { target: { value: 'https://bids.example.com/ping' } });
    fireEvent.change(screen.getByLabelText(/Post URL/), { target: { value: 'https://bids.example.com/post' } });
    fireEvent.change(screen.getByLabelText(/Ping timeout/), { target: { value: '250' } });
    fireEvent.change(screen.getByLabelText(/Bid in the answer/), { target: { value: '$.offer.amount' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create campaign' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/campaigns'));
    expect(requests.find((r) => r.operationName === 'CreateCampaign')!.variables.input).toMatchObject({
      kind: 'REMOTE',
      pingUrl: 'https://bids.example.com/ping',
      postUrl: 'https://bids.example.com/post',
      pingTimeoutMs: 250,
      responseMapping: { bid: '$.offer.amount' },
    });
  });

  it('shows the API’s field errors next to their inputs (input.maxBid, input.schedule[0].to, input.timeZone)', async () => {
    renderRoutes(
      {
        CreateCampaign: () => ({
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [
                  { path: 'input.maxBid', message: 'a positive amount in USD' },
                  { path: 'input.schedule[0].to', message: '"from" must be before "to"' },
                  { path: 'input.timeZone', message: 'an IANA time zone such as "Europe/Berlin"' },
                  { path: 'input.filter.cities[0]', message: 'at most 100 characters' },
                ],
              },
            },
          ],
        }),
      },
      '/campaigns/new',
    );
    await screen.findByRole('checkbox', { name: 'Auto test drives' });
    fillBasics();
    fireEvent.click(screen.getByRole('button', { name: 'Add a time window' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create campaign' }));
    const window1 = await screen.findByRole('group', { name: 'Window 1' });
    await waitFor(() => expect(errorBeside(screen.getByLabelText('Max bid'))).toBe('a positive amount in USD'));
    expect(errorBeside(within(window1).getByLabelText('To'))).toBe('"from" must be before "to"');
    expect(errorBeside(screen.getByLabelText('Time zone'))).toBe('an IANA time zone such as "Europe/Berlin"');
    expect(errorBeside(screen.getByLabelText('Cities'))).toBe('at most 100 characters');
    expect(screen.getByRole('alert').textContent).toMatch(/Invalid input/);
    // fixing the field clears its message
    fireEvent.change(screen.getByLabelText('Max bid'), { target: { value: '130' } });
    expect(errorBeside(screen.getByLabelText('Max bid'))).toBeNull();
    expect(screen.getByTestId('where').textContent).toBe('/campaigns/new');
  });

  it('removes a schedule row', async () => {
    renderRoutes({}, '/campaigns/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Add a time window' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a time window' }));
    expect(screen.getAllByRole('group', { name: /^Window / })).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Remove window 1' }));
    expect(screen.getAllByRole('group', { name: /^Window / })).toHaveLength(1);
  });

  it('edits a saved campaign: its values in the form, updateCampaign with its id', async () => {
    const { requests } = renderRoutes(
      {
        MyCampaigns: () => ({ data: { myCampaigns: [campaign()] } }),
        UpdateCampaign: (v) => ({ data: { updateCampaign: campaign({ maxBid: usd((v.input as { maxBid: string }).maxBid) }) } }),
      },
      '/campaigns/cmp_1/edit',
    );
    expect(await screen.findByRole('heading', { name: 'Edit LA test drives' })).toBeTruthy();
    expect((screen.getByLabelText('Max bid') as HTMLInputElement).value).toBe('45.00');
    expect((screen.getByLabelText('Cities') as HTMLInputElement).value).toBe('Los Angeles');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('America/Los_Angeles');
    expect(((await screen.findByRole('checkbox', { name: 'Auto test drives' })) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Max bid'), { target: { value: '50.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save campaign' }));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'UpdateCampaign')).toBeTruthy());
    const sent = requests.find((r) => r.operationName === 'UpdateCampaign')!.variables as { id: string; input: Record<string, unknown> };
    expect(sent.id).toBe('cmp_1');
    expect(sent.input).toMatchObject({
      maxBid: '50.50',
      budget: '200.00',
      dailyCap: 10,
      schedule: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], from: '09:00', to: '18:00' }],
    });
  });

  it('shows a remote campaign’s pings and posts, and why Leadex paused it', async () => {
    const call = (id: string, kind: string, outcome: string, bid: string | null, httpStatus: number | null) => ({
      __typename: 'RemoteCall',
      id,
      kind,
      outcome,
      latencyMs: 42,
      bid: bid ? usd(bid) : null,
      reference: null,
      httpStatus,
      at: '2026-12-01T10:00:00.000Z',
    });
    const { requests } = renderRoutes(
      {
        MyCampaigns: () => ({
          data: { myCampaigns: [campaign({ active: false, kind: 'REMOTE', pausedReason: 'paused automatically: the last 20 pings or posts failed' })] },
        }),
        RemoteCalls: () => ({
          data: {
            remoteCalls: {
              __typename: 'RemoteCallConnection',
              totalCount: 2,
              edges: [
                { __typename: 'RemoteCallEdge', node: call('rcl_2', 'POST', 'REFUSED', '40.01', 409) },
                { __typename: 'RemoteCallEdge', node: call('rcl_1', 'PING', 'BID', '45.00', 200) },
              ],
            },
          },
        }),
      },
      '/campaigns/cmp_1/edit',
    );
    expect(await screen.findByText(/Paused by Leadex: paused automatically/)).toBeTruthy();
    const log = await screen.findByRole('table');
    const rows = within(log).getAllByRole('row');
    expect(within(rows[1]!).getByText('post')).toBeTruthy();
    expect(within(rows[1]!).getByText('refused')).toBeTruthy();
    expect(within(rows[2]!).getByText('bid')).toBeTruthy();
    expect(within(rows[2]!).getByText('42 ms')).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'RemoteCalls')?.variables).toMatchObject({ campaignId: 'cmp_1' });
  });

  it('says so when the campaign is not in the account', async () => {
    renderRoutes({ MyCampaigns: () => ({ data: { myCampaigns: [] } }) }, '/campaigns/cmp_x/edit');
    expect(await screen.findByRole('heading', { name: 'Campaign not found' })).toBeTruthy();
  });
});
