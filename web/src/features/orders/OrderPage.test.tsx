import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { SEGMENTS, renderWithApi, type Handlers } from '../../test/render-with-api';
import { OrderPage } from './OrderPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const order = (status: string, expiresInMs = 10 * 60_000) => ({
  __typename: 'Order',
  id: 'ord_1',
  status,
  total: money('55.50'),
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  createdAt: new Date().toISOString(),
  paidAt: status === 'PAID' ? new Date().toISOString() : null,
  lines: [
    ['lead_1', '30.00', 'J. D.'],
    ['lead_2', '25.50', 'M. L.'],
  ].map(([id, amount, initials]) => ({
    __typename: 'OrderLine',
    price: money(amount!),
    lead: {
      __typename: 'Lead',
      id,
      segment: 'INSURANCE',
      subsegment: 'CASCO',
      country: 'US',
      region: 'US-CA',
      city: 'Los Angeles',
      kind: 'QUICK',
      temperature: 'HOT',
      exclusivity: 'EXCLUSIVE',
      verification: 'VERIFIED',
      preview: { __typename: 'ContactPreview', initials, phone: '+1 ••• ••• ••71', email: null, city: 'Los Angeles' },
    },
  })),
});

function renderOrder(handlers: Handlers, route = '/orders/ord_1') {
  const redirects: string[] = [];
  const redirect = (url: string) => void redirects.push(url);
  const rendered = renderWithApi(
    <Routes>
      <Route path="/orders/:id" element={<OrderPage redirect={redirect} pollMs={10} />} />
    </Routes>,
    { Segments: () => ({ data: { segments: SEGMENTS } }), ...handlers },
    route,
  );
  return { ...rendered, redirects };
}

describe('<OrderPage>', () => {
  it('shows the lines, the total and the time left, and sends the buyer to Stripe Checkout', async () => {
    const { redirects, requests } = renderOrder({
      Order: () => ({ data: { order: order('RESERVED') } }),
      CheckoutOrder: () => ({ data: { checkoutOrder: { __typename: 'Checkout', url: 'http://stripe.test/checkout/pay/cs_1', sessionId: 'cs_1' } } }),
    });
    expect(await screen.findByRole('heading', { name: 'Order #ORD_1 · 2 leads' })).toBeTruthy();
    expect(screen.getByText('ord_1')).toBeTruthy();
    expect(screen.getByText('lead_1')).toBeTruthy();
    expect(screen.getByLabelText('Order total').textContent).toBe('$55.50');
    expect(screen.getByRole('timer', { name: 'Time left to pay' }).textContent).toMatch(/^(9:5\d|10:00)$/);

    fireEvent.click(screen.getByRole('button', { name: 'Pay with Stripe' }));
    await waitFor(() => expect(redirects).toEqual(['http://stripe.test/checkout/pay/cs_1']));
    expect(requests.find((r) => r.operationName === 'CheckoutOrder')!.variables).toEqual({ orderId: 'ord_1' });
  });

  it('back from Checkout, asks again until Stripe’s webhook has marked the order paid', async () => {
    let asked = 0;
    renderOrder({ Order: () => ({ data: { order: order(++asked < 3 ? 'RESERVED' : 'PAID') } }) }, '/orders/ord_1?paid=1&session=cs_1');
    expect(await screen.findByText(/confirming your order/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pay with Stripe' })).toBeNull();
    expect(await screen.findByText(/^Paid on/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'your purchases' }).getAttribute('href')).toBe('/purchases');
    expect(asked).toBeGreaterThanOrEqual(3);
  });

  it('pays from the wallet when the balance covers the order, once per page (one idempotency key)', async () => {
    let status = 'RESERVED';
    const { requests } = renderOrder({
      Order: () => ({ data: { order: { ...order(status), paidWith: status === 'PAID' ? 'WALLET' : null } } }),
      OrderWallet: () => ({ data: { wallet: { __typename: 'Wallet', balance: money('60.00') } } }),
      PayOrderFromWallet: () => {
        status = 'PAID';
        return { data: { payOrderFromWallet: { ...order(status), paidWith: 'WALLET' } } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Pay from wallet (balance $60.00)' }));
    expect(await screen.findByText(/^Paid from your wallet on/)).toBeTruthy();
    const sent = requests.find((r) => r.operationName === 'PayOrderFromWallet')!.variables as { orderId: string; idempotencyKey: string };
    expect(sent.orderId).toBe('ord_1');
    expect(sent.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers a top-up instead when the wallet holds less than the order', async () => {
    renderOrder({
      Order: () => ({ data: { order: order('RESERVED') } }),
      OrderWallet: () => ({ data: { wallet: { __typename: 'Wallet', balance: money('55.49') } } }),
    });
    const button = await screen.findByRole('button', { name: 'Pay from wallet (balance $55.49)' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'Top up the wallet' }).getAttribute('href')).toBe('/wallet');
  });

  it('cancels only after confirmation', async () => {
    let status = 'RESERVED';
    const { requests } = renderOrder({
      Order: () => ({ data: { order: order(status) } }),
      CancelOrder: () => {
        status = 'CANCELLED';
        return { data: { cancelOrder: order(status) } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel order' }));
    expect(await screen.findByText(/You cancelled this order/)).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'CancelOrder')!.variables).toEqual({ orderId: 'ord_1' });
  });

  it('says when the hold ran out, and when there is no such order', async () => {
    renderOrder({ Order: () => ({ data: { order: order('RESERVED', -1000) } }) });
    expect(await screen.findByText(/hold on these leads ran out/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pay with Stripe' })).toBeNull();
  });

  it('tells a buyer when the order is not theirs or does not exist', async () => {
    renderOrder({ Order: () => ({ data: { order: null } }) }, '/orders/ord_x');
    expect(await screen.findByRole('heading', { name: 'Order not found' })).toBeTruthy();
  });
});
