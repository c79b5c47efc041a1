import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderWithApi } from '../../test/render-with-api';
import { WalletReceiptPage } from './WalletReceiptPage';
import { WalletTransactions } from './WalletTransactions';

const usd = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const entry = (id: string, kind: string, description: string, amount: string, balanceAfter: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'WalletTransaction',
  id,
  kind,
  description,
  amount: usd(amount),
  balanceAfter: usd(balanceAfter),
  occurredAt: '2026-12-03T10:00:00.000Z',
  orderId: null,
  leadIds: [],
  campaignName: null,
  paymentIntentId: null,
  ...extra,
});
const page = (offset: number, nodes: unknown[], hasNextPage: boolean, totalCount: number) => ({
  data: { walletTransactions: { __typename: 'WalletTransactionPage', offset, hasNextPage, totalCount, nodes } },
});

describe('the wallet statement', () => {
  it('shows each movement in words with a signed amount and thousands separators, paged by offset', async () => {
    const { requests } = renderWithApi(<WalletTransactions />, {
      WalletTransactions: (v) =>
        v.offset === 0
          ? page(
              0,
              [
                entry('jrn_2', 'ORDER_PAYMENT', 'Order #3F9K2Q paid from the wallet (2 leads)', '-1250.00', '3750.00'),
                entry('jrn_1', 'TOP_UP', 'Top-up by card', '5000.00', '5000.00'),
              ],
              true,
              21,
            )
          : page(20, [entry('jrn_0', 'TOP_UP', 'Top-up by card', '1.00', '1.00')], false, 21),
    });
    const row = (await screen.findByRole('row', { name: /Order #3F9K2Q/ })).textContent!;
    expect(row).toContain('−$1,250.00');
    expect(row).toContain('$3,750.00');
    expect(screen.getByRole('row', { name: /Top-up by card/ }).textContent).toContain('+$5,000.00');
    expect(screen.getByText('1–2 of 21')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'WalletTransactions' && r.variables.offset === 20)).toBe(true));
    expect(await screen.findByText('21–21 of 21')).toBeTruthy();
  });

  it('shows a receipt with what the money paid for', async () => {
    renderWithApi(
      <Routes>
        <Route path="/wallet/receipts/:id" element={<WalletReceiptPage />} />
      </Routes>,
      {
        WalletTransaction: () => ({
          data: {
            walletTransaction: entry('jrn_2', 'CAMPAIGN_WIN', 'Lead won by campaign “Auto CA”', '-45.10', '954.90', {
              orderId: 'ord_01abc3f9k2q',
              leadIds: ['lead_1'],
              campaignName: 'Auto CA',
            }),
          },
        }),
      },
      '/wallet/receipts/jrn_2',
    );
    expect(await screen.findByRole('heading', { name: 'Receipt · Campaign win' })).toBeTruthy();
    expect(screen.getByText('−$45.10')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Order #3F9K2Q' }).getAttribute('href')).toBe('/orders/ord_01abc3f9k2q');
    expect(screen.getByText('Auto CA')).toBeTruthy();
  });
});
