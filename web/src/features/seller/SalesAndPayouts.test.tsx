import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { PayoutsPage } from './PayoutsPage';
import { SalesPage } from './SalesPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const sale = (id: string, segment: string, country: string, sourceChannel: string, price: string, disputeStatus: string | null = null) => ({
  __typename: 'Sale',
  id,
  price: money(price),
  commission: money((Number(price) * 0.2).toFixed(2)),
  sellerNet: money((Number(price) * 0.8).toFixed(2)),
  refunded: money(disputeStatus === 'ACCEPTED' ? price : '0.00'),
  purchasedAt: new Date().toISOString(),
  status: disputeStatus === 'ACCEPTED' ? 'REFUNDED' : 'ESCROW',
  outcome: 'NEW',
  disputeStatus,
  lead: { __typename: 'Lead', id: `lead_${id}`, segment, subsegment: null, country, region: null, city: null, sourceChannel },
});

describe('<SalesPage>', () => {
  it('charts sales by segment, country and source channel, with the return rate, and lists every sale', async () => {
    const sales = [
      sale('s1', 'INSURANCE', 'US', 'SEO', '50.00'),
      sale('s2', 'INSURANCE', 'GB', 'SOCIAL', '30.00', 'ACCEPTED'),
      sale('s3', 'EDUCATION', 'US', 'SEO', '20.00'),
    ];
    renderWithApi(
      <SalesPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        MySales: () => ({
          data: {
            mySales: {
              __typename: 'SaleConnection',
              totalCount: 3,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: sales.map((node) => ({ __typename: 'SaleEdge', node })),
            },
          },
        }),
      },
      '/seller/sales',
    );
    const bySegment = await screen.findByRole('list', { name: 'Sales by segment' });
    expect(
      within(bySegment)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Insurance$80.00 · 2 sales', 'Education$20.00 · 1 sale']);
    expect(within(screen.getByRole('list', { name: 'Sales by country' })).getAllByRole('listitem')[0]!.textContent).toBe('US$70.00 · 2 sales');
    expect(within(screen.getByRole('list', { name: 'Sales by source channel' })).getAllByRole('listitem')[1]!.textContent).toBe('Social$30.00 · 1 sale');
    expect(within(screen.getByRole('list', { name: 'Return rate by segment' })).getAllByRole('listitem')[0]!.textContent).toBe('Insurance50% · 1 of 2');
    const figures = screen.getByLabelText('Key figures');
    expect(within(figures).getByText('33.33%')).toBeTruthy();
    // the table is its own paged query (25 a page), with words for the statuses
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    expect(screen.getByText('1–3 of 3 sales')).toBeTruthy();
    expect(screen.getByText('Return accepted')).toBeTruthy();
  });

  it('says when nothing was sold yet', async () => {
    renderWithApi(
      <SalesPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        MySales: () => ({
          data: {
            mySales: { __typename: 'SaleConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] },
          },
        }),
      },
      '/seller/sales',
    );
    expect(await screen.findByText('No sales yet.')).toBeTruthy();
  });
});

describe('<PayoutsPage>', () => {
  const ME = {
    __typename: 'User',
    id: 'usr_s',
    email: 's@example.org',
    name: 'Sam',
    role: 'SELLER',
    organization: { __typename: 'Organization', id: 'org_s', name: 'Sunrise', kind: 'SELLER', qualityScore: 64, suspended: false },
  };

  it('shows payouts and the quality score, and sends the seller to Stripe onboarding', async () => {
    const went: string[] = [];
    renderWithApi(
      <Routes>
        <Route path="/seller/payouts" element={<PayoutsPage redirect={(url) => void went.push(url)} />} />
      </Routes>,
      {
        Me: () => ({ data: { me: ME } }),
        MyPayouts: () => ({
          data: {
            myPayouts: [
              {
                __typename: 'Payout',
                id: 'po_1',
                amount: money('120.00'),
                status: 'SENT',
                stripeTransferId: 'tr_1',
                createdAt: new Date().toISOString(),
                sentAt: new Date().toISOString(),
              },
            ],
          },
        }),
        ConnectPayoutAccount: () => ({
          data: { connectPayoutAccount: { __typename: 'PayoutAccountLink', url: 'http://stripe.test/connect/onboarding/tok', accountId: 'acct_1' } },
        }),
      },
      '/seller/payouts?onboarded=1',
    );
    expect(await screen.findByText('$120.00')).toBeTruthy();
    expect(screen.getByText('tr_1')).toBeTruthy();
    expect(await screen.findByText('64 / 100')).toBeTruthy();
    expect(screen.getByText(/Welcome back from Stripe/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Connect payout account' }));
    await waitFor(() => expect(went).toEqual(['http://stripe.test/connect/onboarding/tok']));
  });

  it('explains a provider failure and stays on the page', async () => {
    renderWithApi(
      <PayoutsPage
        redirect={() => {
          throw new Error('must not leave');
        }}
      />,
      {
        Me: () => ({ data: { me: ME } }),
        MyPayouts: () => ({ data: { myPayouts: [] } }),
        ConnectPayoutAccount: () => ({
          errors: [{ message: 'The payment provider did not answer; try again in a moment', extensions: { code: 'PAYMENT_REQUIRED' } }],
        }),
      },
      '/seller/payouts',
    );
    expect(await screen.findByText('No payouts yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Connect payout account' }));
    expect(await screen.findByText(/did not answer/)).toBeTruthy();
  });
});
