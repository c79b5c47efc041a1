import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { BuyerDashboardPage } from './BuyerDashboardPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const NOW = new Date(2026, 10, 23, 15);
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const purchase = (id: string, amount: string, outcome: string, at: string, refund: string | null = null) => ({
  __typename: 'Purchase',
  id,
  price: money(amount),
  purchasedAt: at,
  outcome,
  status: refund ? 'REFUNDED' : 'ESCROW',
  lead: { __typename: 'Lead', id: `lead_${id}`, segment: 'INSURANCE' },
  dispute: refund ? { __typename: 'Dispute', id: `dsp_${id}`, status: 'ACCEPTED', refund: money(refund), resolvedAt: at } : null,
});

const PAGES = [
  [purchase('p1', '40.00', 'CONVERTED', daysAgo(1)), purchase('p2', '30.00', 'LOST', daysAgo(2), '30.00')],
  [purchase('p3', '20.00', 'CONTACTED', daysAgo(3)), purchase('p4', '10.00', 'NEW', daysAgo(100))],
];

describe('<BuyerDashboardPage>', () => {
  it('loads every page of purchases and shows the key figures for the period', async () => {
    const { requests } = renderWithApi(
      <BuyerDashboardPage now={NOW} />,
      {
        DashboardPurchases: (v) => {
          const index = v.after ? 1 : 0;
          return {
            data: {
              myPurchases: {
                __typename: 'PurchaseConnection',
                totalCount: 4,
                pageInfo: { __typename: 'PageInfo', hasNextPage: index === 0, endCursor: index === 0 ? 'c1' : null },
                edges: PAGES[index]!.map((node) => ({ __typename: 'PurchaseEdge', node })),
              },
            },
          };
        },
      },
      '/dashboard',
    );
    const figures = await screen.findByLabelText('Key figures');
    const metric = (label: string) => within(figures).getByText(label).closest('.metric')!.querySelector('.metric__value')!.textContent;
    expect(requests.map((r) => r.variables.after ?? null)).toEqual([null, 'c1']);
    // last 30 days: p1, p2, p3 → paid 90, refunded 30, net 60; 1 of 3 returned; CPL 20; 1 converted → 60
    expect(metric('Net spend')).toBe('$60.00');
    expect(metric('Return rate')).toBe('33.33%');
    expect(metric('Effective CPL')).toBe('$20.00');
    expect(metric('Cost per customer')).toBe('$60.00');
    expect(within(figures).getByText('1 converted')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Spend per day: \$90\.00 paid, \$30\.00 refunded/ })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'ALL' } });
    expect(metric('Net spend')).toBe('$70.00');
    expect(metric('Effective CPL')).toBe('$17.50');
    expect(screen.getByRole('img', { name: /Spend per week/ })).toBeTruthy();
  });

  it('says so when there are no purchases yet', async () => {
    renderWithApi(
      <BuyerDashboardPage now={NOW} />,
      {
        DashboardPurchases: () => ({
          data: {
            myPurchases: {
              __typename: 'PurchaseConnection',
              totalCount: 0,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [],
            },
          },
        }),
      },
      '/dashboard',
    );
    expect(await screen.findByText('No purchases yet.')).toBeTruthy();
  });

  it('shows an error with a way to retry', async () => {
    let calls = 0;
    renderWithApi(
      <BuyerDashboardPage now={NOW} />,
      {
        DashboardPurchases: () =>
          ++calls === 1
            ? { errors: [{ message: 'Database unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }
            : {
                data: {
                  myPurchases: {
                    __typename: 'PurchaseConnection',
                    totalCount: 0,
                    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                    edges: [],
                  },
                },
              },
      },
      '/dashboard',
    );
    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No purchases yet.')).toBeTruthy();
  });
});
