import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { MyListingsPage } from './MyListingsPage';

const listing = (id: string, status: string, erased = false) => ({
  __typename: 'Lead',
  id,
  segment: 'AUTO_TEST_DRIVE',
  subsegment: null,
  country: 'US',
  region: null,
  city: 'Austin',
  kind: 'QUICK',
  temperature: 'WARM',
  score: 60,
  capturedAt: new Date().toISOString(),
  exclusivity: 'EXCLUSIVE',
  maxSales: 1,
  salesCount: 0,
  status,
  verification: 'VERIFIED',
  erased,
  price: { __typename: 'Money', amount: '40.00', currencyCode: 'USD' },
  preview: { __typename: 'ContactPreview', initials: erased ? '[erased]' : 'M. L.', phone: null, email: null, city: 'Austin' },
  signals: [{ __typename: 'LeadIssue', code: 'DUPLICATE_PHONE', message: 'seen before' }],
});

describe('<MyListingsPage>', () => {
  it('filters by status from the URL, shows badges, and withdraws a lead only after confirmation', async () => {
    let status = 'LISTED';
    const { requests } = renderWithApi(
      <MyListingsPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        MyListings: () => ({
          data: {
            myListings: {
              __typename: 'LeadConnection',
              totalCount: 1,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [{ __typename: 'LeadEdge', cursor: 'c1', node: listing('lead_1', status) }],
            },
          },
        }),
        WithdrawLead: (v) => {
          status = 'WITHDRAWN';
          return { data: { withdrawLead: { __typename: 'Lead', id: v.id, status } } };
        },
      },
      '/seller/listings?status=LISTED',
    );

    const row = await screen.findByRole('row', { name: /Lead M\. L\./ });
    expect(requests.find((r) => r.operationName === 'MyListings')!.variables.filter).toEqual({ statuses: ['LISTED'] });
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('LISTED');
    expect(within(row).getByText('Listed')).toBeTruthy();
    expect(within(row).getByText('Verified')).toBeTruthy();
    expect(within(row).getByText('Phone seen before')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: /^Withdraw lead/ }));
    expect(requests.some((r) => r.operationName === 'WithdrawLead')).toBe(false);
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(row).getByRole('button', { name: /^Withdraw lead/ }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, withdraw' }));

    await waitFor(() => expect(requests.filter((r) => r.operationName === 'WithdrawLead')).toHaveLength(1));
    expect(requests.find((r) => r.operationName === 'WithdrawLead')!.variables).toEqual({ id: 'lead_1' });
    // the list is asked again and shows the new status
    expect(await within(row).findByText('Withdrawn')).toBeTruthy();
  });

  it("searches from the URL, pages with Previous and Next, and opens a lead's history", async () => {
    const { requests } = renderWithApi(
      <MyListingsPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        MyListings: (v) => ({
          data: {
            myListings: {
              __typename: 'LeadConnection',
              totalCount: 30,
              pageInfo: { __typename: 'PageInfo', hasNextPage: !v.after, endCursor: v.after ? 'c2' : 'c1' },
              edges: [{ __typename: 'LeadEdge', cursor: 'c', node: listing(v.after ? 'lead_26' : 'lead_1', 'LISTED') }],
            },
          },
        }),
        LeadHistory: (v) => ({
          data: {
            lead: {
              __typename: 'Lead',
              id: v.id,
              history: [
                {
                  __typename: 'LeadHistoryEntry',
                  at: '2026-12-01T09:00:00Z',
                  kind: 'SUBMITTED',
                  detail: null,
                  severity: null,
                  amount: null,
                  saleId: null,
                  disputeReason: null,
                  disputeStatus: null,
                },
                {
                  __typename: 'LeadHistoryEntry',
                  at: '2026-12-01T10:00:00Z',
                  kind: 'DISPUTE_OPENED',
                  detail: null,
                  severity: null,
                  amount: null,
                  saleId: 'pur_1',
                  disputeReason: 'INVALID_CONTACT',
                  disputeStatus: 'OPEN',
                },
              ],
            },
          },
        }),
      },
      '/seller/listings?q=crm-1',
    );
    await screen.findByRole('row', { name: /Lead M\. L\./ });
    expect(requests.find((r) => r.operationName === 'MyListings')!.variables.search).toBe('crm-1');
    expect((screen.getByRole('searchbox', { name: /^Search/ }) as HTMLInputElement).value).toBe('crm-1');
    expect(screen.getByText('1–1 of 30 leads')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'MyListings' && r.variables.after === 'c1')).toBe(true));
    expect(await screen.findByText('lead_26')).toBeTruthy();
    expect(screen.getByText('26–26 of 30 leads')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^History of lead/ }));
    const history = await screen.findByRole('list', { name: 'History of lead lead_26' });
    expect(within(history).getByText('Returned by the buyer: the contact does not work')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('lead_1')).toBeTruthy();
  });

  it('says when there are no listings', async () => {
    renderWithApi(
      <MyListingsPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        MyListings: () => ({
          data: {
            myListings: { __typename: 'LeadConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] },
          },
        }),
      },
      '/seller/listings',
    );
    expect(await screen.findByText('You have not submitted any leads yet.')).toBeTruthy();
  });
});
