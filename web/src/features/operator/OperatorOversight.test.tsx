import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { LedgerPage } from './LedgerPage';
import { SellersPage } from './SellersPage';
import { VerificationTasksPage } from './VerificationTasksPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const page = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

describe('operator oversight pages', () => {
  it('ledger: named accounts with their sign read out, the sum of all, settlement runs, "Run settlement now" and the queue dashboard link', async () => {
    let runs = 0;
    const run = (id: string) => ({
      __typename: 'SettlementRun',
      id,
      status: 'COMPLETED',
      asOf: new Date().toISOString(),
      maturedSales: 2,
      maturedAmount: money('80.00'),
      commission: money('16.00'),
      payoutsCount: 1,
      payoutsAmount: money('64.00'),
      report: {},
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
    });
    const { requests } = renderWithApi(
      <LedgerPage />,
      {
        LedgerAccounts: (v) => ({
          data: {
            ledgerAccounts: {
              __typename: 'LedgerAccountPage',
              totalCount: v.search ? 1 : 2,
              items: [
                {
                  __typename: 'LedgerAccount',
                  account: 'platform:escrow',
                  kind: 'ESCROW',
                  normalBalance: 'CREDIT',
                  organization: null,
                  balance: money('-40.00'),
                  postings: 2,
                  lastPostingAt: new Date().toISOString(),
                },
                ...(v.search
                  ? []
                  : [
                      {
                        __typename: 'LedgerAccount',
                        account: 'buyer:org_b:wallet',
                        kind: 'BUYER_WALLET',
                        normalBalance: 'CREDIT',
                        organization: { __typename: 'LedgerAccountOrganization', id: 'org_b', name: 'Acme Insurance' },
                        balance: money('0.00'),
                        postings: 2,
                        lastPostingAt: new Date().toISOString(),
                      },
                    ]),
              ],
            },
          },
        }),
        LedgerBalances: () => ({
          data: {
            ledgerBalances: [
              { __typename: 'AccountBalance', account: 'platform:escrow', balance: money('-40.00') },
              { __typename: 'AccountBalance', account: 'platform:stripe_balance', balance: money('40.00') },
            ],
          },
        }),
        SettlementRuns: () => ({
          data: {
            settlementRuns: {
              __typename: 'SettlementRunConnection',
              totalCount: runs,
              pageInfo: page,
              edges: Array.from({ length: runs }, (_, i) => ({ __typename: 'SettlementRunEdge', cursor: `c${i}`, node: run(`stl_${i}`) })),
            },
          },
        }),
        RunSettlement: () => {
          runs += 1;
          return { data: { runSettlement: run('stl_0') } };
        },
      },
      '/operator/ledger',
    );
    const escrow = (await screen.findByText('platform:escrow')).closest('tr')!;
    expect(within(escrow).getByRole('rowheader').textContent).toMatch(/^Escrow/);
    expect(escrow.textContent).toMatch(/owes \$40\.00/);
    expect(screen.getByRole('rowheader', { name: /Buyer wallet · Acme Insurance/ })).toBeTruthy();
    expect(screen.getByText('How to read the balances')).toBeTruthy();
    expect(await screen.findByText('balanced')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search accounts'), { target: { value: 'escrow' } });
    await waitFor(() => expect(requests.some((r) => r.operationName === 'LedgerAccounts' && r.variables.search === 'escrow')).toBe(true));
    expect(await screen.findByText('No settlement has run yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Queue dashboard' }).getAttribute('href')).toBe('/admin/queues');
    fireEvent.click(screen.getByRole('button', { name: 'Run settlement now' }));
    expect(await screen.findByText(/Settlement stl_0 completed: 2 sales matured/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('1 run, newest first')).toBeTruthy());
    expect(requests.filter((r) => r.operationName === 'SettlementRuns').length).toBeGreaterThanOrEqual(2);
  });

  it('sellers: suspends after confirmation and saves a segment’s verification policy', async () => {
    let suspended = false;
    const { requests } = renderWithApi(
      <SellersPage />,
      {
        OperatorSellers: () => ({
          data: {
            sellers: {
              __typename: 'SellerQualityPage',
              totalCount: 1,
              items: [
                {
                  __typename: 'SellerQuality',
                  id: 'org_s',
                  name: 'Shady Leads',
                  emailDomain: 'shady.example',
                  qualityScore: 31,
                  suspended,
                  listedLeads: 4,
                  batches: 3,
                  failedBatches: 2,
                  evidenceCount: 16,
                  qualityUpperBound: 48.2,
                },
              ],
            },
          },
        }),
        SetSellerSuspended: (v) => {
          suspended = v.suspended as boolean;
          return {
            data: {
              setSellerSuspended: { __typename: 'SellerQuality', id: 'org_s', qualityScore: 31, suspended, listedLeads: 0, batches: 3, failedBatches: 2 },
            },
          };
        },
        SegmentPolicies: () => ({
          data: {
            segments: [
              {
                __typename: 'Segment',
                code: 'INSURANCE',
                name: 'Insurance',
                verificationProvider: 'automatic',
                failedBatchPolicy: 'DISCOUNT',
                failureThreshold: '0.1',
              },
            ],
          },
        }),
        SegmentDistribution: () => ({ data: { segments: [] } }),
        SetSegmentPolicy: (v) => ({
          data: {
            setSegmentPolicy: {
              __typename: 'Segment',
              code: v.segment,
              verificationProvider: v.verificationProvider,
              failedBatchPolicy: v.failedBatchPolicy,
              failureThreshold: v.failureThreshold,
            },
          },
        }),
      },
      '/operator/sellers',
    );
    expect(await screen.findByText(/shady\.example/)).toBeTruthy();
    expect(screen.getByText('1–1 of 1')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Suspend Shady Leads' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, suspend' }));
    expect(await screen.findByRole('button', { name: 'Unsuspend Shady Leads' })).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'SetSellerSuspended')!.variables).toEqual({ organizationId: 'org_s', suspended: true });

    fireEvent.change(await screen.findByLabelText('Spot-check provider for Insurance'), { target: { value: 'manual' } });
    fireEvent.change(screen.getByLabelText('Failure threshold for Insurance (%)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy for Insurance' }));
    expect(screen.getByText(/A percentage from 0 to 100/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Failure threshold for Insurance (%)'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy for Insurance' }));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'SetSegmentPolicy')?.variables).toEqual({
        segment: 'INSURANCE',
        verificationProvider: 'manual',
        failedBatchPolicy: 'DISCOUNT',
        failureThreshold: '0.1500',
      }),
    );
  });

  it('sellers: saves a segment’s distribution method and margin, checking the percentage first', async () => {
    const segment = (v: Record<string, unknown> = {}) => ({
      __typename: 'Segment',
      code: 'INSURANCE',
      name: 'Insurance',
      distributionMethod: v.distributionMethod ?? 'AUCTION',
      margin: { __typename: 'SegmentMargin', kind: 'NONE', amount: null, rate: null },
    });
    const { requests } = renderWithApi(
      <SellersPage />,
      {
        OperatorSellers: () => ({ data: { sellers: { __typename: 'SellerQualityPage', totalCount: 0, items: [] } } }),
        SegmentPolicies: () => ({ data: { segments: [] } }),
        SegmentDistribution: () => ({ data: { segments: [segment()] } }),
        SetSegmentDistribution: (v) => ({ data: { setSegmentPolicy: segment(v) } }),
      },
      '/operator/sellers',
    );
    fireEvent.change(await screen.findByLabelText('Distribution method for Insurance'), { target: { value: 'ROUND_ROBIN' } });
    fireEvent.change(screen.getByLabelText('Margin for Insurance'), { target: { value: 'PERCENT' } });
    fireEvent.change(screen.getByLabelText('Margin amount or percentage for Insurance'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save distribution for Insurance' }));
    expect(screen.getByText(/A percentage from 0 to 100/)).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'SetSegmentDistribution')).toBe(false);
    fireEvent.change(screen.getByLabelText('Margin amount or percentage for Insurance'), { target: { value: '12.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save distribution for Insurance' }));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'SetSegmentDistribution')?.variables).toEqual({
        segment: 'INSURANCE',
        distributionMethod: 'ROUND_ROBIN',
        margin: { kind: 'PERCENT', rate: '0.1250' },
      }),
    );
  });

  it('spot-checks: records a call outcome with a note and tells the batch’s verdict', async () => {
    let open = true;
    const { requests } = renderWithApi(
      <VerificationTasksPage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        VerificationTaskPage: () => ({
          data: {
            verificationTaskPage: {
              __typename: 'VerificationTaskPage',
              totalCount: open ? 1 : 0,
              items: open
                ? [
                    {
                      __typename: 'VerificationTask',
                      id: 'vt_1',
                      batchId: 'bat_1',
                      status: 'OPEN',
                      outcome: null,
                      note: null,
                      createdAt: new Date().toISOString(),
                      doneAt: null,
                      lead: {
                        __typename: 'Lead',
                        id: 'lead_1',
                        segment: 'INSURANCE',
                        subsegment: null,
                        country: 'US',
                        region: null,
                        city: 'Austin',
                        kind: 'QUICK',
                        capturedAt: new Date().toISOString(),
                        seller: { __typename: 'SellerProfile', id: 'org_s', name: 'Sunrise', qualityScore: 90 },
                        contact: { __typename: 'Contact', fullName: 'Nadia Karim', phone: '+14155550177', email: null, preferredContactTime: null },
                      },
                    },
                  ]
                : [],
            },
          },
        }),
        RecordVerificationOutcome: () => {
          open = false;
          return {
            data: {
              recordVerificationOutcome: {
                __typename: 'VerificationOutcomeResult',
                batchVerdict: 'VERIFIED',
                task: { __typename: 'VerificationTask', id: 'vt_1', status: 'DONE', outcome: 'REACHABLE', note: 'confirmed', doneAt: new Date().toISOString() },
              },
            },
          };
        },
      },
      '/operator/verification',
    );
    const card = await screen.findByRole('article', { name: 'Call Nadia Karim' });
    fireEvent.click(within(card).getByRole('button', { name: 'Record outcome' }));
    expect(within(card).getByText('Choose what the call found.')).toBeTruthy();
    fireEvent.change(within(card).getByLabelText('Call outcome'), { target: { value: 'REACHABLE' } });
    fireEvent.change(within(card).getByLabelText('Note'), { target: { value: 'confirmed' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Record outcome' }));
    expect(await screen.findByText(/That was the batch’s last call: it is verified/)).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'RecordVerificationOutcome')!.variables).toEqual({
      taskId: 'vt_1',
      outcome: 'REACHABLE',
      note: 'confirmed',
    });
    expect(await screen.findByText('No calls to make.')).toBeTruthy();
  });
});
