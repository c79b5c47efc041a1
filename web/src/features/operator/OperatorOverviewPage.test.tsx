import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { OperatorOverviewPage } from './OperatorOverviewPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const day = (date: string, sales: number, amount: string, commission: string, disputes = 0, checked = 0, failed = 0) => ({
  __typename: 'OverviewDay',
  date,
  sales,
  salesAmount: money(amount),
  commission: money(commission),
  disputesOpened: disputes,
  batchesChecked: checked,
  batchesFailed: failed,
});
const party = (id: string, name: string, emailDomain: string, sales: number, amount: string) => ({
  __typename: 'OverviewParty',
  id,
  name,
  emailDomain,
  sales,
  amount: money(amount),
});

describe('operator overview', () => {
  it('shows the key figures, a chart per measure with its numbers, the top sellers by name and domain, and changes the period', async () => {
    const { requests } = renderWithApi(
      <OperatorOverviewPage />,
      {
        OperatorOverview: (v) => ({
          data: {
            operatorOverview: {
              __typename: 'OperatorOverview',
              days: v.days,
              since: '2026-03-01T00:00:00.000Z',
              currencyCode: 'USD',
              daily: [day('2026-03-01', 4, '100.00', '20.00', 1, 2, 1), day('2026-03-02', 0, '0.00', '0.00')],
              totals: {
                __typename: 'OverviewTotals',
                sales: 4,
                salesAmount: money('100.00'),
                commission: money('20.00'),
                disputesOpened: 1,
                disputeRate: 0.25,
                batchesChecked: 2,
                batchesFailed: 1,
                spotCheckFailureRate: 0.5,
              },
              topSellers: [party('org_1', 'Acme Leads', 'acme.example', 3, '75.00'), party('org_2', 'Acme Leads', 'acme-two.example', 1, '25.00')],
              topBuyers: [party('org_3', 'Bright Insurance', 'bright.example', 4, '100.00')],
            },
          },
        }),
      },
      '/operator/overview',
    );
    const figures = await screen.findByLabelText('Key figures');
    expect(within(figures).getByText('25%')).toBeTruthy();
    expect(within(figures).getByText('50%')).toBeTruthy();
    expect(screen.getByRole('img', { name: /\$100\.00 in all, of which \$20\.00 commission/ })).toBeTruthy();
    expect(screen.getAllByText('Show the numbers')).toHaveLength(3);
    expect(screen.getByText('Acme Leads (acme.example)')).toBeTruthy();
    expect(screen.getByText('Acme Leads (acme-two.example)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '7' } });
    await waitFor(() => expect(requests.some((r) => r.operationName === 'OperatorOverview' && r.variables.days === 7)).toBe(true));
  });
});
