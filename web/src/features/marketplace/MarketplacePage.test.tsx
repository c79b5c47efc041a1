import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { MarketplacePage } from './MarketplacePage';

const lead = (id: string, amount: string, myStanding = 'NONE') => ({
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
  capturedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  exclusivity: 'SHARED',
  maxSales: 3,
  salesCount: 1,
  verification: 'VERIFIED',
  myStanding,
  price: { __typename: 'Money', amount, currencyCode: 'USD' },
  seller: { __typename: 'SellerProfile', id: 'org_1', name: 'Sunrise Media', qualityScore: 88 },
  sellerConversion: null,
  checks: [],
  preview: { __typename: 'ContactPreview', initials: 'J. D.', phone: '+1 ••• ••• ••71', email: 'j•••@g•••.com', city: 'Los Angeles' },
});

const page = (edges: ReturnType<typeof lead>[], count: number, hasNextPage = false, capped = false) => ({
  data: {
    marketplace: {
      __typename: 'LeadConnection',
      totalCountCapped: { __typename: 'CappedCount', count, capped },
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: edges.at(-1)?.id ?? null },
      edges: edges.map((node) => ({ __typename: 'LeadEdge', cursor: node.id, node })),
    },
  },
});

function ShowLocation() {
  const location = useLocation();
  return <output aria-label="location">{location.search}</output>;
}

const GEO = {
  GeoCountries: () => ({ data: { geoCountries: ['GB', 'US'] } }),
  GeoRegions: (v: Record<string, unknown>) => ({
    data: { geoRegions: v.country === 'US' ? [{ __typename: 'GeoRegion', code: 'US-CA', name: 'California' }] : [] },
  }),
};

const renderMarketplace = (
  route = '/marketplace',
  marketplace = (v: Record<string, unknown>) =>
    v.offset ? page([lead('lead_3', '12.00')], 45) : page([lead('lead_1', '30.00'), lead('lead_2', '25.50')], 45, true),
) =>
  renderWithApi(
    <Routes>
      <Route
        path="/marketplace"
        element={
          <>
            <MarketplacePage />
            <ShowLocation />
          </>
        }
      />
    </Routes>,
    { Segments: () => ({ data: { segments: SEGMENTS } }), Marketplace: marketplace, ...GEO },
    route,
  );

describe('<MarketplacePage>', () => {
  it('lists masked leads as cards on a narrow screen, with the count and page numbers', async () => {
    const { requests } = renderMarketplace();
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByText('$30.00')).toBeTruthy();
    expect(first.getByText('Verified')).toBeTruthy();
    expect(first.getByText('Quality 88')).toBeTruthy();
    expect(first.getByText('3 h')).toBeTruthy();
    expect(screen.getByText('45 leads match')).toBeTruthy();

    fireEvent.click(within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(screen.getByLabelText('location').textContent).toBe('?page=3'));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(requests.filter((r) => r.operationName === 'Marketplace').map((r) => r.variables.offset)).toEqual([0, 40]);
  });

  it('shows a table when asked, sorted by the column clicked, with held and bought leads marked', async () => {
    renderMarketplace('/marketplace?view=table', () => page([lead('lead_1', '30.00', 'HELD'), lead('lead_2', '25.50', 'BOUGHT')], 10_000, true, true));
    await screen.findByText('10,000+ leads match');
    const table = await screen.findByRole('table');
    expect(screen.getByText('10,000+ leads match')).toBeTruthy();
    expect(within(table).getByText('In your pending order')).toBeTruthy();
    expect(within(table).getByText('Bought')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: /^Price/ }));
    await waitFor(() => expect(screen.getByLabelText('location').textContent).toBe('?sort=PRICE_ASC&view=table'));
    expect(
      within(await screen.findByRole('table'))
        .getByRole('columnheader', { name: /Price/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
  });

  it('applies filters as they change, after a pause, and shows them as removable chips', async () => {
    renderMarketplace();
    await screen.findAllByRole('article');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Insurance' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'United States' }));
    // not at once: typing and ticking settle first
    expect(screen.getByLabelText('location').textContent).toBe('');
    await waitFor(() => expect(screen.getByLabelText('location').textContent).toBe('?segment=INSURANCE&country=US'));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'California' }));
    await waitFor(() => expect(screen.getByLabelText('location').textContent).toBe('?segment=INSURANCE&country=US&region=US-CA'));

    const chips = screen.getByRole('group', { name: 'Active filters' });
    await within(chips).findByText('California');
    fireEvent.click(within(chips).getByRole('button', { name: 'Remove filter United States' }));
    await waitFor(() => expect(screen.getByLabelText('location').textContent).toBe('?segment=INSURANCE'));
    // the panel follows the URL
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'United States' }) as HTMLInputElement).checked).toBe(false));
  });

  it('reads the filter from the URL and sends it as a LeadFilter', async () => {
    const { requests } = renderMarketplace('/marketplace?segment=INSURANCE&subsegment=CASCO&verified=1&minPrice=10&sort=PRICE_ASC&size=50');
    await screen.findAllByRole('article');
    expect(requests.find((r) => r.operationName === 'Marketplace')!.variables).toMatchObject({
      filter: { segments: ['INSURANCE'], subsegments: ['CASCO'], verifiedOnly: true, minPrice: '10' },
      sort: 'PRICE_ASC',
      first: 50,
      offset: 0,
    });
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('PRICE_ASC');
    expect((screen.getByLabelText('Verified only') as HTMLInputElement).checked).toBe(true);
  });

  it('shows validation errors next to the filter and does not apply it', async () => {
    renderMarketplace();
    await screen.findAllByRole('article');
    fireEvent.change(screen.getByLabelText(/^Min price/), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText(/^Max price/), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply now' }));
    expect(screen.getByLabelText(/^Max price/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/at least the minimum price/)).toBeTruthy();
    expect(screen.getByLabelText('location').textContent).toBe('');
  });

  it('opens a lead drawer with the seller record and the price breakdown, and closes it with Escape', async () => {
    renderWithApi(
      <MarketplacePage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        Marketplace: () => page([lead('lead_1', '30.00')], 1),
        ...GEO,
        LeadDetail: () => ({
          data: {
            lead: {
              ...lead('lead_1', '30.00'),
              sourceChannel: 'SEO',
              status: 'LISTED',
              attributes: { vehicleYear: 2019 },
              consentSummary: { __typename: 'ConsentSummary', recorded: true, certified: true, certificateVerified: true },
              sellerRecord: { __typename: 'SellerRecord', sales: 40, disputes: 2, upheld: 1, disputeRate: 0.05, upheldRate: 0.5 },
              priceBreakdown: {
                __typename: 'PriceBreakdown',
                base: { __typename: 'Money', amount: '15.00', currencyCode: 'USD' },
                askingPrice: false,
                factors: [{ __typename: 'PriceBreakdownFactor', name: 'TEMPERATURE', basis: 'TEMPERATURE_HOT', multiplier: 1.4 }],
                computed: { __typename: 'Money', amount: '30.00', currencyCode: 'USD' },
              },
            },
          },
        }),
      },
      '/marketplace',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Details of lead lead_1' }));
    const drawer = await screen.findByRole('dialog', { name: 'Insurance lead J. D.' });
    expect(within(drawer).getByText('5% (2)')).toBeTruthy();
    expect(within(drawer).getByText('$15.00')).toBeTruthy();
    expect(within(drawer).getByText('× 1.40')).toBeTruthy();
    expect(within(drawer).getByText(/backed by a verified certificate/)).toBeTruthy();
    expect(document.activeElement).toBe(within(drawer).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says so when nothing matches', async () => {
    renderWithApi(<MarketplacePage />, { Segments: () => ({ data: { segments: SEGMENTS } }), Marketplace: () => page([], 0), ...GEO }, '/marketplace');
    expect(await screen.findByText('No leads match these filters.')).toBeTruthy();
  });

  it('shows an API error with a way to retry', async () => {
    renderWithApi(
      <MarketplacePage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        Marketplace: () => ({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }),
        ...GEO,
      },
      '/marketplace',
    );
    expect(await screen.findByText('Sign in first')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
