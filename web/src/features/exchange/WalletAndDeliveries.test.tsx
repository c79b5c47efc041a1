import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { SEGMENTS, renderWithApi, type Handlers } from '../../test/render-with-api';
import { DeliveriesPage } from './DeliveriesPage';
import { WalletPage } from './WalletPage';

const usd = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const wallet = (amount: string) => ({ data: { wallet: { __typename: 'Wallet', balance: usd(amount) } } });

function renderWallet(handlers: Handlers, route = '/wallet') {
  const redirects: string[] = [];
  const rendered = renderWithApi(
    <Routes>
      <Route path="/wallet" element={<WalletPage redirect={(url) => void redirects.push(url)} pollMs={10} maxPolls={4} />} />
    </Routes>,
    handlers,
    route,
  );
  return { ...rendered, redirects };
}

describe('<WalletPage>', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows the balance and sends a top-up to Stripe Checkout with one idempotency key per amount', async () => {
    const { requests, redirects } = renderWallet({
      Wallet: () => wallet('20.00'),
      TopUpWallet: () => ({ data: { topUpWallet: { __typename: 'Checkout', url: 'http://stripe.test/checkout/pay/cs_1', sessionId: 'cs_1' } } }),
    });
    expect((await screen.findByLabelText('Wallet balance')).textContent).toBe('$20.00');

    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '0.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Top up with Stripe' }));
    expect(screen.getByText('Top up from 1.00 to 1000000.00.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'TopUpWallet')).toBe(false);

    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Top up with Stripe' }));
    await waitFor(() => expect(redirects).toEqual(['http://stripe.test/checkout/pay/cs_1']));
    const sent = requests.find((r) => r.operationName === 'TopUpWallet')!.variables as { amount: string; idempotencyKey: string };
    expect(sent.amount).toBe('150.00');
    expect(sent.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(sessionStorage.getItem('leadex.pendingTopUp')!)).toEqual({ amountMinor: 15_000, beforeMinor: 2_000 });
  });

  it('shows the API’s amount error beside the field', async () => {
    renderWallet({
      Wallet: () => wallet('0.00'),
      TopUpWallet: () => ({
        errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'amount', message: 'between 1.00 and 1000000 USD' }] } }],
      }),
    });
    await screen.findByLabelText('Wallet balance');
    expect(screen.getByText('Campaigns cannot bid with an empty wallet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Top up with Stripe' }));
    expect(await screen.findByText('between 1.00 and 1000000 USD')).toBeTruthy();
    expect(screen.getByLabelText('Amount (USD)').getAttribute('aria-invalid')).toBe('true');
  });

  it('back from Checkout, asks for the balance until the top-up shows', async () => {
    sessionStorage.setItem('leadex.pendingTopUp', JSON.stringify({ amountMinor: 15_000, beforeMinor: 2_000 }));
    let asked = 0;
    renderWallet({ Wallet: () => wallet(++asked < 3 ? '20.00' : '170.00') }, '/wallet?topped_up=1&session=cs_1');
    expect(await screen.findByText(/adding it to your balance/)).toBeTruthy();
    expect(await screen.findByText('Top-up received')).toBeTruthy();
    expect(screen.getByText('Your balance is now $170.00.')).toBeTruthy();
    expect(screen.getByLabelText('Wallet balance').textContent).toBe('$170.00');
    expect(sessionStorage.getItem('leadex.pendingTopUp')).toBeNull();
  });

  it('gives up after a few tries without calling it a failure', async () => {
    let asked = 0;
    renderWallet({ Wallet: () => (asked++, wallet('20.00')) }, '/wallet?topped_up=1&session=cs_1');
    expect(await screen.findByText(/Stripe has not confirmed the payment yet/)).toBeTruthy();
    expect(asked).toBe(5);
  });

  it('says nothing was charged when the buyer left the checkout', async () => {
    renderWallet({ Wallet: () => wallet('20.00') }, '/wallet?cancelled=1');
    expect(await screen.findByText(/nothing was charged/)).toBeTruthy();
  });
});

const delivery = (id: string, patch: Record<string, unknown> = {}) => ({
  __typename: 'Delivery',
  id,
  purchaseId: `pur_${id}`,
  status: 'FAILED',
  attempts: 2,
  lastStatus: 500,
  lastError: 'HTTP 500',
  createdAt: new Date().toISOString(),
  deliveredAt: null,
  nextAttemptAt: null,
  lead: { __typename: 'Lead', id: `lead_${id}`, segment: 'INSURANCE', subsegment: null, city: 'Austin', region: 'US-TX', country: 'US' },
  attemptLog: [
    {
      __typename: 'DeliveryAttempt',
      attempt: 1,
      httpStatus: null,
      error: 'connect ECONNREFUSED',
      responseBody: null,
      durationMs: 12,
      at: new Date().toISOString(),
    },
    {
      __typename: 'DeliveryAttempt',
      attempt: 2,
      httpStatus: 500,
      error: 'HTTP 500',
      responseBody: '{"error":"database down"}',
      durationMs: 40,
      at: new Date().toISOString(),
    },
  ],
  ...patch,
});

describe('<DeliveriesPage>', () => {
  it('sets the endpoint and shows its secret once, with a copy button and the signature header', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
    const { requests } = renderWithApi(<DeliveriesPage />, {
      MyDeliveries: () => ({ data: { myDeliveries: [] } }),
      SetWebhookEndpoint: (v) => ({ data: { setWebhookEndpoint: { __typename: 'WebhookEndpoint', id: 'whk_1', url: v.url, secret: 'whsec_abc123' } } }),
    });
    expect(await screen.findByText('No deliveries yet.')).toBeTruthy();
    expect(screen.getByText('Leadex-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Endpoint URL'), { target: { value: 'ftp://nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save endpoint' }));
    expect(screen.getByText(/An http\(s\) URL/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Endpoint URL'), { target: { value: ' https://crm.example.com/hook ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save endpoint' }));
    const secret = (await screen.findByLabelText('Signing secret')) as HTMLInputElement;
    expect(secret.value).toBe('whsec_abc123');
    expect(requests.find((r) => r.operationName === 'SetWebhookEndpoint')!.variables).toEqual({ url: 'https://crm.example.com/hook' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy secret' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    expect(copied).toEqual(['whsec_abc123']);
    fireEvent.click(screen.getByRole('button', { name: 'I have stored the secret' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
  });

  it('puts the API’s URL error beside the field', async () => {
    renderWithApi(<DeliveriesPage />, {
      MyDeliveries: () => ({ data: { myDeliveries: [] } }),
      SetWebhookEndpoint: () => ({
        errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'url', message: 'Invalid url' }] } }],
      }),
    });
    fireEvent.change(await screen.findByLabelText('Endpoint URL'), { target: { value: 'http://x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save endpoint' }));
    expect(await screen.findByText('Invalid url')).toBeTruthy();
  });

  it('lists deliveries with status, attempts and the last result; expands the attempt log; redelivers', async () => {
    let status = 'FAILED';
    const { requests } = renderWithApi(<DeliveriesPage pollMs={10} maxPolls={2} />, {
      Segments: () => ({ data: { segments: SEGMENTS } }),
      MyDeliveries: () => ({
        data: {
          myDeliveries: [
            delivery('whk_1', { status }),
            delivery('whk_2', { status: 'DELIVERED', attempts: 1, lastStatus: 200, lastError: null, deliveredAt: new Date().toISOString(), attemptLog: [] }),
          ],
        },
      }),
      Redeliver: (v) => {
        status = 'PENDING';
        return { data: { redeliver: { __typename: 'Delivery', id: v.deliveryId, status } } };
      },
    });
    const table = await screen.findByRole('table', { name: /2 deliveries/ });
    const rows = within(table).getAllByRole('row');
    // the lead in words, its id secondary; never the purchase id
    expect(rows[1]!.textContent).toContain('Austin, US-TX, US');
    expect(rows[1]!.textContent).toContain('lead_whk_1');
    expect(rows[1]!.textContent).not.toContain('pur_whk_1');
    expect(within(rows[1]!).getByText('Failed')).toBeTruthy();
    expect(within(rows[1]!).getByText('HTTP 500')).toBeTruthy();
    expect(within(rows[2]!).getByText('Delivered')).toBeTruthy();
    expect(within(rows[2]!).getByText('HTTP 200')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show attempts of delivery whk_1' }));
    const log = screen.getByRole('table', { name: 'Attempts of delivery whk_1' });
    expect(within(log).getByText('connect ECONNREFUSED')).toBeTruthy();
    expect(within(log).getByText('40 ms')).toBeTruthy();
    expect(within(log).getByText('{"error":"database down"}')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide attempts of delivery whk_1' }).getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Redeliver whk_1' }));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'Redeliver')?.variables).toEqual({ deliveryId: 'whk_1' }));
    expect(await within(table).findByText('Pending')).toBeTruthy();
  });

  it('shows the current endpoint, removes it, and shows cancelled deliveries', async () => {
    let endpoint: { __typename: string; id: string; url: string } | null = { __typename: 'WebhookEndpoint', id: 'whk_e1', url: 'https://crm.example.com/hook' };
    let status = 'PENDING';
    const { requests } = renderWithApi(<DeliveriesPage />, {
      WebhookEndpoint: () => ({ data: { webhookEndpoint: endpoint } }),
      MyDeliveries: () => ({
        data: {
          myDeliveries: [
            delivery('whk_1', {
              status,
              lastStatus: null,
              lastError: status === 'CANCELLED' ? 'cancelled: the webhook endpoint was removed' : null,
              attemptLog: [],
            }),
          ],
        },
      }),
      RemoveWebhookEndpoint: () => {
        endpoint = null;
        status = 'CANCELLED';
        return { data: { removeWebhookEndpoint: true } };
      },
    });
    expect(await screen.findByText('https://crm.example.com/hook')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove endpoint' }));
    expect(await screen.findByText(/Endpoint removed/)).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'RemoveWebhookEndpoint')).toBe(true);
    const table = await screen.findByRole('table', { name: /1 delivery/ });
    expect(await within(table).findByText('Cancelled')).toBeTruthy();
    expect(within(table).getByText('cancelled: the webhook endpoint was removed')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove endpoint' })).toBeNull());
  });

  it('shows a loading error', async () => {
    renderWithApi(<DeliveriesPage />, { MyDeliveries: () => ({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }) });
    expect(await screen.findByText('Deliveries could not be loaded')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in again' })).toBeTruthy();
  });
});
