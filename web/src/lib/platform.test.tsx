import { fireEvent, screen, within } from '@testing-library/react';
import { BuyerDashboardPage } from '../features/dashboard/BuyerDashboardPage';
import { LedgerPage } from '../features/operator/LedgerPage';
import { cartTotal } from '../features/orders/cart';
import { platformAnswer, renderWithApi, type GraphqlAnswer } from '../test/render-with-api';
import { formatMoney } from './format';
import { usePlatform } from './platform';

const moneyIn = (currencyCode: string) => (amount: string) => ({ __typename: 'Money', amount, currencyCode });
const page = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

/** A page that adds up a cart with the platform's digits. */
function CartProbe({ prices }: { prices: string[] }) {
  const { currency, minorUnitDigits } = usePlatform();
  const cart = { idempotencyKey: 'k', lines: prices.map((amount, i) => ({ id: `lead_${i}`, label: `Lead ${i}`, price: { amount, currencyCode: currency } })) };
  const total = cartTotal(cart, minorUnitDigits);
  return <p>{`${currency} ${minorUnitDigits}: ${total?.amount} (${formatMoney(total)})`}</p>;
}

describe('<PlatformProvider>', () => {
  it('asks the API for the currency once, then sums a 0-digit currency exactly', async () => {
    const { requests } = renderWithApi(
      <>
        <CartProbe prices={['15000', '7', '250']} />
        <CartProbe prices={['1']} />
      </>,
      { Platform: platformAnswer({ currency: 'CLP', minorUnitDigits: 0 }) },
    );
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
    expect(await screen.findByText(/^CLP 0: 15257 \(/)).toBeTruthy();
    expect(screen.getByText(/^CLP 0: 1 \(/)).toBeTruthy();
    expect(requests.filter((r) => r.operationName === 'Platform')).toHaveLength(1);
  });

  it('sums a 3-digit currency exactly', async () => {
    renderWithApi(<CartProbe prices={['12.340', '0.005', '1.1']} />, { Platform: platformAnswer({ currency: 'TND', minorUnitDigits: 3 }) });
    const text = (await screen.findByText(/^TND 3:/)).textContent!;
    expect(text).toMatch(/^TND 3: 13\.445 \(/);
    expect(text).toMatch(/13\.445\)$/); // shown with the three decimals the API sent, not rounded to two
  });

  it('says when the API cannot be reached, and tries again', async () => {
    let fail = true;
    renderWithApi(<CartProbe prices={['1.00']} />, {
      Platform: (): GraphqlAnswer =>
        fail ? { errors: [{ message: 'down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } : platformAnswer({ currency: 'USD', minorUnitDigits: 2 })(),
    });
    expect(await screen.findByText('Leadex could not be reached')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/^USD 2: 1\.00/)).toBeTruthy();
  });
});

describe('pages in a 0-digit and a 3-digit deployment', () => {
  const NOW = new Date(2026, 10, 23, 15);
  const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
  function dashboard(currency: string, digits: number, rows: [string, string, string | null][]) {
    const money = moneyIn(currency);
    const nodes = rows.map(([id, amount, refund], i) => ({
      __typename: 'Purchase',
      id,
      price: money(amount),
      purchasedAt: daysAgo(i + 1),
      outcome: i === 0 ? 'CONVERTED' : 'NEW',
      status: refund ? 'REFUNDED' : 'ESCROW',
      lead: { __typename: 'Lead', id: `lead_${id}`, segment: 'INSURANCE' },
      dispute: refund ? { __typename: 'Dispute', id: `dsp_${id}`, status: 'ACCEPTED', refund: money(refund), resolvedAt: daysAgo(i) } : null,
    }));
    renderWithApi(
      <BuyerDashboardPage now={NOW} />,
      {
        Platform: platformAnswer({ currency, minorUnitDigits: digits }),
        DashboardPurchases: () => ({
          data: {
            myPurchases: {
              __typename: 'PurchaseConnection',
              totalCount: nodes.length,
              pageInfo: page,
              edges: nodes.map((node) => ({ __typename: 'PurchaseEdge', node })),
            },
          },
        }),
      },
      '/dashboard',
    );
  }
  const metric = async (label: string) =>
    within(await screen.findByLabelText('Key figures'))
      .getByText(label)
      .closest('.metric')!
      .querySelector('.metric__value')!.textContent;

  it('buyer dashboard in CLP: whole amounts, never 0 for a price without decimals', async () => {
    dashboard('CLP', 0, [
      ['p1', '40000', null],
      ['p2', '30000', '30000'],
      ['p3', '20001', null],
    ]);
    // paid 90001, refunded 30000 → net 60001; CPL 60001 / 3 = 20000.33 → 20000
    expect(await metric('Net spend')).toBe(formatMoney({ amount: '60001', currencyCode: 'CLP' }));
    expect(await metric('Effective CPL')).toBe(formatMoney({ amount: '20000', currencyCode: 'CLP' }));
    expect(await metric('Net spend')).toMatch(/60,001/);
  });

  it('buyer dashboard in TND: three decimals, summed exactly', async () => {
    dashboard('TND', 3, [
      ['p1', '40.005', null],
      ['p2', '30.000', '30.000'],
      ['p3', '20.001', null],
    ]);
    // paid 90.006, refunded 30.000 → net 60.006; CPL 60.006 / 3 = 20.002
    expect(await metric('Net spend')).toMatch(/60\.006/);
    expect(await metric('Effective CPL')).toMatch(/20\.002/);
    expect(await metric('Cost per customer')).toMatch(/60\.006/);
  });

  it('ledger in KWD: a 0.005 difference is unbalanced, not rounded away', async () => {
    const money = moneyIn('KWD');
    renderWithApi(
      <LedgerPage />,
      {
        Platform: platformAnswer({ currency: 'KWD', minorUnitDigits: 3 }),
        LedgerBalances: () => ({
          data: {
            ledgerBalances: [
              { __typename: 'AccountBalance', account: 'platform:escrow', balance: money('-12.345') },
              { __typename: 'AccountBalance', account: 'platform:stripe_balance', balance: money('12.340') },
            ],
          },
        }),
        SettlementRuns: () => ({ data: { settlementRuns: { __typename: 'SettlementRunConnection', totalCount: 0, pageInfo: page, edges: [] } } }),
      },
      '/operator/ledger',
    );
    const sum = (await screen.findByText('unbalanced')).closest('p')!.textContent!;
    expect(sum).toMatch(/0\.005/);
    expect(sum).toContain(formatMoney({ amount: '-0.005', currencyCode: 'KWD' }));
  });
});
