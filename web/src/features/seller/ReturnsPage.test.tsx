import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { ReturnsPage } from './ReturnsPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const item = (id: string, status: string, sellerResponse: string | null) => ({
  __typename: 'Dispute',
  id,
  reason: 'FAKE',
  evidence: 'Nobody by that name',
  status,
  remedy: 'REPLACEMENT',
  autoCheck: 'the re-check passed; an operator decides',
  openedAt: new Date().toISOString(),
  resolvedAt: status === 'OPEN' ? null : new Date().toISOString(),
  sellerResponse,
  sellerRespondedAt: sellerResponse ? new Date().toISOString() : null,
  purchase: {
    __typename: 'Purchase',
    id: `pur_${id}`,
    price: money('40.00'),
    purchasedAt: new Date().toISOString(),
    lead: { __typename: 'Lead', id: `lead_${id}`, segment: 'INSURANCE', city: 'Austin', region: 'US-TX', country: 'US' },
  },
});

describe('<ReturnsPage>', () => {
  it('lists the returns with reason and remedy, and sends the seller’s answer to an open one', async () => {
    const { requests } = renderWithApi(
      <ReturnsPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        SellerDisputes: () => ({
          data: {
            disputes: {
              __typename: 'DisputeConnection',
              totalCount: 2,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [item('dsp_open', 'OPEN', null), item('dsp_done', 'REJECTED', 'Consent on file')].map((node) => ({
                __typename: 'DisputeEdge',
                cursor: node.id,
                node,
              })),
            },
          },
        }),
        RespondToDispute: (v) => ({
          data: { respondToDispute: { __typename: 'Dispute', id: v.id, sellerResponse: v.evidence, sellerRespondedAt: new Date().toISOString() } },
        }),
      },
      '/seller/returns',
    );
    const open = await screen.findByRole('article', { name: 'Return dsp_open' });
    expect(within(open).getByText('Replacement lead')).toBeTruthy();
    expect(within(open).getByText('Nobody by that name')).toBeTruthy();
    const decided = screen.getByRole('article', { name: 'Return dsp_done' });
    expect(within(decided).getByText('Consent on file')).toBeTruthy();
    expect(within(decided).queryByRole('button')).toBeNull();

    fireEvent.click(within(open).getByRole('button', { name: 'Send answer' }));
    expect(within(open).getByLabelText('Your answer').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(open).getByLabelText('Your answer'), { target: { value: '  Called: they asked for the test drive  ' } });
    fireEvent.click(within(open).getByRole('button', { name: 'Send answer' }));
    await waitFor(() => expect(within(open).getByText(/Answer saved/)).toBeTruthy());
    expect(requests.find((r) => r.operationName === 'RespondToDispute')!.variables).toEqual({
      id: 'dsp_open',
      evidence: 'Called: they asked for the test drive',
    });
  });
});
