import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { DisputesQueuePage } from './DisputesQueuePage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const dispute = (id: string, status = 'OPEN', reason = 'FAKE') => ({
  __typename: 'Dispute',
  id,
  reason,
  evidence: 'Says she never filled a form',
  status,
  refund: status === 'ACCEPTED' ? money('15.00') : null,
  note: null,
  autoCheck: 're-check failed: REAL_MAILBOX (DISPOSABLE_EMAIL)',
  autoDecided: false,
  openedAt: new Date().toISOString(),
  resolvedAt: null,
  remedy: 'WALLET_CREDIT',
  sellerResponse: id === 'dsp_1' ? 'Consent recorded at 10:02; she confirmed on the phone' : null,
  sellerRespondedAt: id === 'dsp_1' ? new Date().toISOString() : null,
  replacement: null,
  recheck: [
    { __typename: 'VerificationCheck', name: 'VALID_CONTACT', passed: true, checkedAt: new Date().toISOString() },
    { __typename: 'VerificationCheck', name: 'REAL_MAILBOX', passed: false, checkedAt: new Date().toISOString() },
  ],
  purchase: {
    __typename: 'Purchase',
    id: `pur_${id}`,
    price: money('40.00'),
    purchasedAt: new Date().toISOString(),
    status: 'ESCROW',
    lead: {
      __typename: 'Lead',
      id: `lead_${id}`,
      segment: 'INSURANCE',
      subsegment: 'CASCO',
      country: 'US',
      region: 'US-CA',
      city: 'Los Angeles',
      kind: 'QUICK',
      sourceChannel: 'SEO',
      capturedAt: new Date().toISOString(),
      verification: 'VERIFIED',
      seller: { __typename: 'SellerProfile', id: 'org_s', name: 'Sunrise Media', qualityScore: 72 },
      contact: { __typename: 'Contact', fullName: 'Nadia Karim', phone: '+14155550177', email: null, socialUrl: null },
      consent: {
        __typename: 'Consent',
        text: 'I agree that partners may call me about a test drive.',
        timestamp: new Date().toISOString(),
        pageUrl: 'https://forms.dealer.example/test-drive',
        certificate: {
          __typename: 'ConsentCertificate',
          id: 'cct_01',
          verified: true,
          pageUrl: 'https://forms.dealer.example/test-drive',
          consentText: 'By booking I agree that Kia dealers may call me.',
          timeOnPageMs: 41_000,
          phoneEntry: 'TYPED',
          emailEntry: 'EMPTY',
          issuedAt: new Date().toISOString(),
        },
      },
      findings: [
        {
          __typename: 'LeadFinding',
          stage: 'SUBMISSION',
          code: 'FAST_FORM_FILL',
          message: 'form filled in 2 s',
          severity: 'WARNING',
          createdAt: new Date().toISOString(),
        },
      ],
    },
  },
});

function renderQueue(reason = 'FAKE') {
  const open = new Set(['dsp_1']);
  return renderWithApi(
    <DisputesQueuePage />,
    {
      Segments: () => ({ data: { segments: SEGMENTS } }),
      DisputesQueue: () => ({
        data: {
          disputes: {
            __typename: 'DisputeConnection',
            totalCount: open.size,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: [...open].map((id) => ({ __typename: 'DisputeEdge', cursor: id, node: dispute(id, 'OPEN', reason) })),
          },
        },
      }),
      ResolveDispute: (v) => {
        if (v.refundAmount === '99.00')
          return {
            errors: [
              {
                message: 'Some input is invalid',
                extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'refundAmount', message: 'between 0.01 and what was paid' }] },
              },
            ],
          };
        open.delete(v.id as string);
        return {
          data: {
            resolveDispute: {
              __typename: 'Dispute',
              id: v.id,
              status: v.decision === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED',
              refund: v.decision === 'ACCEPT' ? money((v.refundAmount as string | null) ?? '40.00') : null,
              note: v.note,
              resolvedAt: new Date().toISOString(),
            },
          },
        };
      },
    },
    '/operator/disputes',
  );
}

describe('<DisputesQueuePage>', () => {
  it('shows the reason, evidence, the lead’s contact and verification history', async () => {
    const { requests } = renderQueue();
    const card = await screen.findByRole('article', { name: 'Dispute dsp_1' });
    expect(requests.find((r) => r.operationName === 'DisputesQueue')!.variables).toMatchObject({ status: 'OPEN' });
    expect(within(card).getByText('Fake')).toBeTruthy();
    expect(within(card).getByText('Says she never filled a form')).toBeTruthy();
    expect(within(card).getByText('Nadia Karim')).toBeTruthy();
    expect(within(card).getByText(/form filled in 2 s/)).toBeTruthy();
    expect(within(card).getByText('Wallet credit')).toBeTruthy();
    expect(within(card).getByText('Consent recorded at 10:02; she confirmed on the phone')).toBeTruthy();
  });

  it('shows the consent certificate beside a “never asked to be contacted” dispute, with a link to its page', async () => {
    renderQueue('NOT_INTERESTED');
    const card = await screen.findByRole('article', { name: 'Dispute dsp_1' });
    const proof = within(card).getByRole('region', { name: 'Consent proof' });
    expect(within(proof).getByText('Signature valid')).toBeTruthy();
    expect(within(proof).getByText('By booking I agree that Kia dealers may call me.')).toBeTruthy();
    expect(within(proof).getByText('41 seconds')).toBeTruthy();
    expect(within(proof).getByText('Typed by the person')).toBeTruthy();
    expect(within(proof).getByRole('link', { name: 'cct_01' }).getAttribute('href')).toBe('/certificates/cct_01');
  });

  it('does not show the consent proof for other reasons', async () => {
    renderQueue('FAKE');
    const card = await screen.findByRole('article', { name: 'Dispute dsp_1' });
    expect(within(card).queryByRole('region', { name: 'Consent proof' })).toBeNull();
  });

  it('shows the lead’s re-check, check by check, beside the evidence', async () => {
    renderQueue();
    const card = await screen.findByRole('article', { name: 'Dispute dsp_1' });
    const recheck = within(card).getByRole('list', { name: 'Re-check' });
    const items = within(recheck)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['✓ Valid contact passed', '✗ Real mailbox failed']);
    expect(within(card).getByText('re-check failed: REAL_MAILBOX (DISPOSABLE_EMAIL)')).toBeTruthy();
  });

  it('rejects only with a note', async () => {
    const { requests } = renderQueue();
    const card = await screen.findByRole('article', { name: 'Dispute dsp_1' });
    fireEvent.click(within(card).getByRole('button', { name: 'Reject' }));
    expect(within(card).getByLabelText('Note').getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.operationName === 'ResolveDispute')).toBe(false);
    fireEvent.change(within(card).getByLabelText('Note'), { target: { value: 'Reachable and interested' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Reject' }));
    expect(await screen.findByText('Dispute dsp_1 rejected.')).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'ResolveDispute')!.variables).toEqual({
      id: 'dsp_1',
      decision: 'REJECT',
      refundAmount: null,
      note: 'Reachable and interested',
    });
  });

  it('accepts a partial refund, showing the API’s amount error beside the amount', async () => {
    const { requests } = renderQueue();
    const card = await screen.findByRole('article', { name: 'Dispute dsp_1' });
    const amount = within(card).getByLabelText('Refund amount');
    fireEvent.change(amount, { target: { value: '41' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Accept' }));
    expect(within(card).getByText(/At most the price paid/)).toBeTruthy();

    fireEvent.change(amount, { target: { value: '15.00' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Accept' }));
    expect(await screen.findByText(/Dispute dsp_1 accepted: a refund of \$15\.00/)).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'ResolveDispute')!.variables).toEqual({
      id: 'dsp_1',
      decision: 'ACCEPT',
      refundAmount: '15.00',
      note: null,
    });
    await waitFor(() => expect(screen.getByText('No open disputes: the queue is empty.')).toBeTruthy());
  });

  it('places a refundAmount error from the API next to the amount', async () => {
    const price = '99.00';
    renderWithApi(
      <DisputesQueuePage />,
      {
        Segments: () => ({ data: { segments: SEGMENTS } }),
        DisputesQueue: () => {
          const d = dispute('dsp_9');
          d.purchase.price = money('100.00');
          return {
            data: {
              disputes: {
                __typename: 'DisputeConnection',
                totalCount: 1,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                edges: [{ __typename: 'DisputeEdge', cursor: 'c', node: d }],
              },
            },
          };
        },
        ResolveDispute: () => ({
          errors: [
            {
              message: 'Some input is invalid',
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'refundAmount', message: 'between 0.01 and what was paid (4000 minor units)' }] },
            },
          ],
        }),
      },
      '/operator/disputes',
    );
    const card = await screen.findByRole('article', { name: 'Dispute dsp_9' });
    fireEvent.change(within(card).getByLabelText('Refund amount'), { target: { value: price } });
    fireEvent.click(within(card).getByRole('button', { name: 'Accept' }));
    expect(await within(card).findByText(/between 0.01 and what was paid/)).toBeTruthy();
    expect(within(card).getByLabelText('Refund amount').getAttribute('aria-invalid')).toBe('true');
  });
});
