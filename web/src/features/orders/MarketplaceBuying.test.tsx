import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useParams } from 'react-router';
import { SEGMENTS, renderWithApi, type Handlers } from '../../test/render-with-api';
import { SessionProvider } from '../auth/session';
import { MarketplacePage } from '../marketplace/MarketplacePage';

const BUYER = {
  __typename: 'User',
  id: 'usr_b',
  email: 'b@example.org',
  name: 'Bea Buyer',
  role: 'BUYER',
  organization: { __typename: 'Organization', id: 'org_b', name: 'Acme', kind: 'BUYER', qualityScore: 80, suspended: false },
};

const lead = (id: string, amount: string, initials: string) => ({
  __typename: 'Lead',
  id,
  segment: 'INSURANCE',
  subsegment: 'CASCO',
  country: 'US',
  region: 'US-CA',
  city: 'Los Angeles',
  geoTier: 'TIER_1',
  kind: 'INTERESTED',
  temperature: 'HOT',
  score: 81,
  capturedAt: new Date().toISOString(),
  exclusivity: 'EXCLUSIVE',
  maxSales: 1,
  salesCount: 0,
  verification: 'VERIFIED',
  myStanding: 'NONE',
  price: { __typename: 'Money', amount, currencyCode: 'USD' },
  seller: { __typename: 'SellerProfile', id: 'org_s', name: 'Sunrise Media', qualityScore: 88 },
  preview: { __typename: 'ContactPreview', initials, phone: null, email: null, city: 'Los Angeles' },
});

const LEADS = [lead('lead_1', '30.00', 'J. D.'), lead('lead_2', '25.50', 'M. L.'), lead('lead_3', '12.00', 'A. B.')];

const order = (id: string) => ({
  __typename: 'Order',
  id,
  status: 'RESERVED',
  total: { __typename: 'Money', amount: '55.50', currencyCode: 'USD' },
  expiresAt: new Date(Date.now() + 900_000).toISOString(),
  createdAt: new Date().toISOString(),
  paidAt: null,
  lines: [],
});

function OrderStub() {
  const { id } = useParams();
  return <p>order page {id}</p>;
}

function renderMarket(handlers: Handlers, route = '/marketplace') {
  return renderWithApi(
    <SessionProvider>
      <Routes>
        <Route path="/marketplace" element={<MarketplacePage />} />
        <Route path="/orders/:id" element={<OrderStub />} />
      </Routes>
    </SessionProvider>,
    {
      Me: () => ({ data: { me: BUYER } }),
      Segments: () => ({ data: { segments: SEGMENTS } }),
      GeoCountries: () => ({ data: { geoCountries: ['US'] } }),
      Marketplace: () => ({
        data: {
          marketplace: {
            __typename: 'LeadConnection',
            totalCountCapped: { __typename: 'CappedCount', count: 3, capped: false },
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: LEADS.map((node) => ({ __typename: 'LeadEdge', cursor: node.id, node })),
          },
        },
      }),
      ...handlers,
    },
    route,
  );
}

beforeEach(() => sessionStorage.clear());

describe('buying from the marketplace', () => {
  it('buys the selected leads with one idempotency key per selection, then opens the order', async () => {
    const { requests } = renderMarket({ CreateOrder: () => ({ data: { createOrder: order('ord_1') } }) });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select lead lead_1' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select lead lead_2' }));
    const bar = screen.getByRole('region', { name: 'Selected leads' });
    expect(within(bar).getByText('2 leads selected')).toBeTruthy();
    expect(within(bar).getByText(/\$55\.50/)).toBeTruthy();

    fireEvent.click(within(bar).getByRole('button', { name: 'Buy selected' }));
    expect(await screen.findByText('order page ord_1')).toBeTruthy();
    const sent = requests.find((r) => r.operationName === 'CreateOrder')!.variables;
    expect(sent.input).toEqual({ leadIds: ['lead_1', 'lead_2'] });
    expect(sent.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a sold-out lead on its card and in the summary, and drops it on request', async () => {
    let calls = 0;
    const { requests } = renderMarket({
      CreateOrder: (v) => {
        calls += 1;
        if (calls === 1) {
          return {
            errors: [
              {
                message: 'Some of these leads cannot be ordered',
                extensions: { code: 'CONFLICT', reason: 'LEAD_SOLD_OUT', fields: [{ path: 'input.leadIds[1]', message: 'sold out or no longer listed' }] },
              },
            ],
          };
        }
        expect((v.input as { leadIds: string[] }).leadIds).toEqual(['lead_1', 'lead_3']);
        return { data: { createOrder: order('ord_2') } };
      },
    });
    for (const id of ['lead_1', 'lead_3']) fireEvent.click(await screen.findByRole('checkbox', { name: `Select lead ${id}` }));
    const bar = screen.getByRole('region', { name: 'Selected leads' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Buy selected' }));

    expect(await within(bar).findByText(/lead_3\): sold out or no longer listed/)).toBeTruthy();
    const soldOut = screen.getByRole('checkbox', { name: 'Select lead lead_3' });
    expect(soldOut.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('sold out or no longer listed', { selector: '.field__error' })).toBeTruthy();

    fireEvent.click(within(bar).getByRole('button', { name: 'Remove unavailable leads' }));
    expect(within(bar).getByText('1 lead selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select lead lead_3' }));
    const keys = requests.filter((r) => r.operationName === 'CreateOrder').map((r) => r.variables.idempotencyKey);
    fireEvent.click(within(bar).getByRole('button', { name: 'Buy selected' }));
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'CreateOrder')).toHaveLength(2));
    // a different selection is a different request: it must not reuse the first key
    expect(requests.filter((r) => r.operationName === 'CreateOrder')[1]!.variables.idempotencyKey).not.toBe(keys[0]);
  });

  it('shows the hold cap as the server words it, with how to free capacity', async () => {
    const message =
      'You already hold 100 unpaid leads and at most 100 may be held at once, so this order can take none (it asks for 2). Pay for or cancel one of your open orders to free capacity.';
    renderMarket({ CreateOrder: () => ({ errors: [{ message, extensions: { code: 'CONFLICT', reason: 'HELD_LEADS_LIMIT' } }] }) });
    for (const id of ['lead_1', 'lead_2']) fireEvent.click(await screen.findByRole('checkbox', { name: `Select lead ${id}` }));
    const bar = screen.getByRole('region', { name: 'Selected leads' });
    fireEvent.click(within(bar).getByRole('button', { name: 'Buy selected' }));
    expect(await within(bar).findByText(/at most 100 may be held at once/)).toBeTruthy();
    expect(within(bar).getByText(/Pay for or cancel one of your open orders/)).toBeTruthy();
    // no lead is marked unavailable: the cap concerns the buyer, not these leads
    expect(screen.getByRole('checkbox', { name: 'Select lead lead_1' }).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('buys N leads matching the filter in the URL, with a quantity error beside its input', async () => {
    let calls = 0;
    const { requests } = renderMarket(
      {
        CreateOrder: () => {
          calls += 1;
          return calls === 1
            ? {
                errors: [
                  {
                    message: 'Only 3 leads match right now',
                    extensions: { code: 'CONFLICT', reason: 'NOT_ENOUGH_LEADS', fields: [{ path: 'input.quantity', message: 'only 3 available' }] },
                  },
                ],
              }
            : { data: { createOrder: order('ord_3') } };
        },
      },
      '/marketplace?segment=INSURANCE&verified=1',
    );
    const quantity = await screen.findByLabelText('Quantity');
    fireEvent.change(quantity, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buy 5 matching this filter' }));
    expect(await screen.findByText('only 3 available')).toBeTruthy();
    expect(quantity.getAttribute('aria-invalid')).toBe('true');
    expect(requests.find((r) => r.operationName === 'CreateOrder')!.variables.input).toEqual({
      matching: { segments: ['INSURANCE'], verifiedOnly: true },
      quantity: 5,
    });

    fireEvent.change(quantity, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buy 3 matching this filter' }));
    expect(await screen.findByText('order page ord_3')).toBeTruthy();
  });

  it('offers no buying to sellers', async () => {
    renderWithApi(
      <SessionProvider>
        <MarketplacePage />
      </SessionProvider>,
      {
        Me: () => ({ data: { me: { ...BUYER, role: 'SELLER' } } }),
        Segments: () => ({ data: { segments: SEGMENTS } }),
        Marketplace: () => ({
          data: {
            marketplace: {
              __typename: 'LeadConnection',
              totalCountCapped: { __typename: 'CappedCount', count: 1, capped: false },
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [{ __typename: 'LeadEdge', cursor: 'c', node: LEADS[0] }],
            },
          },
        }),
      },
      '/marketplace',
    );
    await screen.findAllByRole('article');
    expect(screen.queryByRole('checkbox', { name: /Select lead/ })).toBeNull();
    expect(screen.queryByLabelText('Quantity')).toBeNull();
  });
});
