import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { MarketplacePage } from './MarketplacePage';

const lead = (id: string, amount: string) => ({
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
  price: { __typename: 'Money', amount, currencyCode: 'USD' },
  seller: { __typename: 'SellerProfile', id: 'org_1', name: 'Sunrise Media', qualityScore: 88 },
  preview: { __typename: 'ContactPreview', initials: 'J. D.', phone: '+1 ••• ••• ••71', email: 'j•••@g•••.com', city: 'Los Angeles' },
});

const page = (edges: ReturnType<typeof lead>[], endCursor: string | null, totalCount: number) => ({
  data: {
    marketplace: {
      __typename: 'LeadConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: !!endCursor, endCursor },
      edges: edges.map((node) => ({ __typename: 'LeadEdge', cursor: node.id, node })),
    },
  },
});

function ShowLocation() {
  const location = useLocation();
  return <output aria-label="location">{location.search}</output>;
}

const renderMarketplace = (route = '/marketplace') =>
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
    {
      Segments: () => ({ data: { segments: SEGMENTS } }),
      Marketplace: (v) => (v.after ? page([lead('lead_3', '12.00')], null, 3) : page([lead('lead_1', '30.00'), lead('lead_2', '25.50')], 'c2', 3)),
    },
    route,
  );

describe('<MarketplacePage>', () => {
  it('lists masked leads with price, verification, seller quality, score and age, and loads more with `after`', async () => {
    const { requests } = renderMarketplace();
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByText('$30.00')).toBeTruthy();
    expect(first.getByText('Verified')).toBeTruthy();
    expect(first.getByText('Quality 88')).toBeTruthy();
    expect(first.getByText('81/100')).toBeTruthy();
    expect(first.getByText('3 h')).toBeTruthy();
    expect(first.getByText('+1 ••• ••• ••71')).toBeTruthy();
    expect(screen.getByText('3 leads match')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(requests.filter((r) => r.operationName === 'Marketplace').map((r) => r.variables.after)).toEqual([null, 'c2']);
  });

  it('reads the filter from the URL and sends it as a LeadFilter', async () => {
    const { requests } = renderMarketplace('/marketplace?segment=INSURANCE&subsegment=CASCO&verified=1&minPrice=10&sort=PRICE_ASC');
    await screen.findAllByRole('article');
    expect(requests.find((r) => r.operationName === 'Marketplace')!.variables).toMatchObject({
      filter: { segments: ['INSURANCE'], subsegments: ['CASCO'], verifiedOnly: true, minPrice: '10' },
      sort: 'PRICE_ASC',
      first: 20,
    });
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('PRICE_ASC');
    expect((screen.getByLabelText('Verified only') as HTMLInputElement).checked).toBe(true);
  });

  it('writes applied filters to the URL, with subsegments only for the chosen segment', async () => {
    renderMarketplace();
    await screen.findAllByRole('article');
    expect(screen.queryByRole('group', { name: 'Subsegments' })).toBeNull();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Insurance' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Subsegments' })).getByRole('checkbox', { name: 'Life' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Temperatures' })).getByRole('checkbox', { name: 'Hot' }));
    fireEvent.change(screen.getByLabelText(/^Countries/), { target: { value: 'us, gb' } });
    fireEvent.change(screen.getByLabelText(/^Max age/), { target: { value: '48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(screen.getByLabelText('location').textContent).toBe('?segment=INSURANCE&subsegment=LIFE&country=US&country=GB&temperature=HOT&maxAge=48'),
    );

    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'SCORE_DESC' } });
    await waitFor(() => expect(screen.getByLabelText('location').textContent).toMatch(/sort=SCORE_DESC$/));
  });

  it('shows validation errors next to the filter and does not apply it', async () => {
    renderMarketplace();
    await screen.findAllByRole('article');
    fireEvent.change(screen.getByLabelText(/^Min price/), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText(/^Max price/), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText(/^Regions/), { target: { value: 'California' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByLabelText(/^Max price/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/at least the minimum price/)).toBeTruthy();
    expect(screen.getByText(/Use region codes like US-CA/)).toBeTruthy();
    expect(screen.getByLabelText('location').textContent).toBe('');
  });

  it('says so when nothing matches', async () => {
    renderWithApi(<MarketplacePage />, { Segments: () => ({ data: { segments: SEGMENTS } }), Marketplace: () => page([], null, 0) }, '/marketplace');
    expect(await screen.findByText('No leads match these filters.')).toBeTruthy();
  });

  it('shows an API error with a way to retry', async () => {
    renderWithApi(
      <MarketplacePage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        Marketplace: () => ({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }),
      },
      '/marketplace',
    );
    expect(await screen.findByText('Sign in first')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
