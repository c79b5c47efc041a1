import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderWithApi } from '../../test/render-with-api';
import { OrdersPage } from './OrdersPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const order = (id: string, status: string, paidWith: string | null, leadCount: number) => ({
  __typename: 'Order',
  id,
  status,
  total: money('1234.50'),
  leadCount,
  paidWith,
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  createdAt: new Date().toISOString(),
  paidAt: status === 'PAID' ? new Date().toISOString() : null,
});
const connection = (nodes: unknown[]) => ({
  data: {
    myOrders: {
      __typename: 'OrderConnection',
      totalCount: nodes.length,
      edges: nodes.map((node) => ({ __typename: 'OrderEdge', node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    },
  },
});

function renderOrders(route: string, answer: (status: unknown) => ReturnType<typeof connection>) {
  return renderWithApi(
    <Routes>
      <Route path="/orders" element={<OrdersPage />} />
    </Routes>,
    { MyOrders: (v) => answer(v.status) },
    route,
  );
}

describe('<OrdersPage>', () => {
  it('lists orders in words: reference, status, lead count, total with separators, how they were paid', async () => {
    renderOrders('/orders', () => connection([order('ord_01aaaaaa3f9k2q', 'PAID', 'WALLET', 2), order('ord_01bbbbbbzz11yy', 'RESERVED', null, 1)]));
    expect(await screen.findByRole('link', { name: 'Order #3F9K2Q' })).toBeTruthy();
    const paid = screen.getByRole('row', { name: /#3F9K2Q/ });
    expect(paid.textContent).toContain('2 leads');
    expect(paid.textContent).toContain('$1,234.50');
    expect(paid.textContent).toContain('Wallet');
    expect(screen.getByRole('row', { name: /#ZZ11YY/ }).textContent).toContain('Pending payment');
    expect(screen.getByRole('link', { name: 'All' }).getAttribute('aria-current')).toBe('page');
  });

  it('asks for one status from its tab, and says when there is none', async () => {
    const { requests } = renderOrders('/orders?status=CANCELLED', () => connection([]));
    expect(await screen.findByText('No orders with this status')).toBeTruthy();
    await waitFor(() => expect(requests.find((r) => r.operationName === 'MyOrders')!.variables).toMatchObject({ status: 'CANCELLED' }));
    expect(screen.getByRole('link', { name: 'Cancelled' }).getAttribute('aria-current')).toBe('page');
  });
});
