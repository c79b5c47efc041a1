import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEGMENTS, renderWithApi } from '../../test/render-with-api';
import { PurchasesPage } from './PurchasesPage';

const money = (amount: string) => ({ __typename: 'Money', amount, currencyCode: 'USD' });
const purchase = (id: string, fullName: string, patch: Record<string, unknown> = {}) => ({
  __typename: 'Purchase',
  id,
  price: money('40.00'),
  purchasedAt: new Date(Date.now() - 3_600_000).toISOString(),
  outcome: 'NEW',
  outcomeReason: null as string | null,
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
    contact: { __typename: 'Contact', fullName, phone: '+14155550177', email: 'nadia@example.org', socialUrl: null, preferredContactTime: 'evenings' },
    consent: {
      __typename: 'Consent',
      text: 'I agree to be called about car insurance.',
      timestamp: '2026-11-20T10:15:00.000Z',
      ip: '203.0.113.7',
      pageUrl: 'https://insure.example/quote',
      certificate: null,
    } as unknown,
  },
  dispute: null as unknown,
  ...patch,
});

const REFUNDED = purchase('p2', 'Maria Lopez', {
  status: 'REFUNDED',
  lead: { ...purchase('p2', 'x').lead, contact: null, consent: null },
  dispute: {
    __typename: 'Dispute',
    id: 'dsp_1',
    reason: 'FAKE',
    evidence: 'bot',
    status: 'ACCEPTED',
    refund: money('40.00'),
    note: 'Confirmed by phone',
    autoCheck: 're-check failed: UNIQUE_CONTACT (DUPLICATE_PHONE)',
    recheck: [{ __typename: 'VerificationCheck', name: 'UNIQUE_CONTACT', passed: false, checkedAt: new Date().toISOString() }],
    autoDecided: false,
    openedAt: new Date().toISOString(),
    resolvedAt: new Date().toISOString(),
  },
});

function renderPage(first: ReturnType<typeof purchase>) {
  let current = first;
  return renderWithApi(
    <PurchasesPage />,
    {
      Segments: () => ({ data: { segments: SEGMENTS } }),
      MyPurchases: () => ({
        data: {
          myPurchases: {
            __typename: 'PurchaseConnection',
            totalCount: 2,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: [current, REFUNDED].map((node) => ({ __typename: 'PurchaseEdge', cursor: node.id, node })),
          },
        },
      }),
      UpdateLeadOutcomes: (v) => {
        const ids = v.purchaseIds as string[];
        if (ids.includes('p2')) return { errors: [{ message: 'No such purchase: p2; nothing was changed', extensions: { code: 'NOT_FOUND' } }] };
        current = { ...current, outcome: v.outcome as string };
        return { data: { updateLeadOutcomes: ids.map((id) => ({ __typename: 'Purchase', id, outcome: v.outcome, outcomeReason: null })) } };
      },
      UpdateLeadOutcome: (v) => {
        current = { ...current, outcome: v.outcome as string, outcomeReason: (v.reason as string | null) ?? null };
        return { data: { updateLeadOutcome: { __typename: 'Purchase', id: current.id, outcome: current.outcome, outcomeReason: current.outcomeReason } } };
      },
      OpenDispute: (v) => {
        const input = v.input as { reason: string; evidence: string | null };
        const d = {
          __typename: 'Dispute',
          id: 'dsp_2',
          reason: input.reason,
          evidence: input.evidence,
          status: 'OPEN',
          refund: null,
          note: null,
          autoCheck: null,
          autoDecided: false,
          openedAt: new Date().toISOString(),
          resolvedAt: null,
        };
        current = { ...current, dispute: d };
        return { data: { openDispute: { ...d, purchase: { __typename: 'Purchase', id: current.id, status: 'ESCROW' } } } };
      },
    },
    '/purchases',
  );
}

describe('<PurchasesPage>', () => {
  it('shows each purchase’s full contact, price and status, and links the CSV export', async () => {
    renderPage(purchase('p1', 'Nadia Karim'));
    const card = await screen.findByRole('article', { name: 'Purchase Nadia Karim' });
    // national format for the lead's country; dialled as E.164
    expect(within(card).getByRole('link', { name: '(415) 555-0177' }).getAttribute('href')).toBe('tel:+14155550177');
    expect(within(card).getByRole('button', { name: 'Copy phone +14155550177' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'nadia@example.org' }).getAttribute('href')).toBe('mailto:nadia@example.org');
    expect(within(card).getByText('$40.00')).toBeTruthy();
    expect(within(card).getByText('Return window open')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/purchases/csv');
  });

  it('shows the consent the person gave: text, time, IP and page', async () => {
    renderPage(purchase('p1', 'Nadia Karim'));
    const card = await screen.findByRole('article', { name: 'Purchase Nadia Karim' });
    const consent = within(card).getByLabelText('Consent');
    expect(within(consent).getByText('I agree to be called about car insurance.')).toBeTruthy();
    expect(within(consent).getByText('203.0.113.7')).toBeTruthy();
    expect(within(consent).getByRole('link', { name: 'https://insure.example/quote' }).getAttribute('href')).toBe('https://insure.example/quote');
    expect(within(consent).getByText('Given')).toBeTruthy();
    // a refunded purchase shows neither contact nor consent
    const refunded = await screen.findByRole('article', { name: 'Purchase lead_p2' });
    expect(within(refunded).queryByLabelText('Consent')).toBeNull();
  });

  it('links to the consent certificate when the lead came with one', async () => {
    const base = purchase('p1', 'Nadia Karim');
    const consent = { ...(base.lead.consent as object), certificate: { __typename: 'ConsentCertificate', id: 'cer_1', verified: true } };
    renderPage(purchase('p1', 'Nadia Karim', { lead: { ...base.lead, consent } }));
    const card = await screen.findByRole('article', { name: 'Purchase Nadia Karim' });
    const link = within(within(card).getByLabelText('Consent')).getByRole('link', { name: 'Consent certificate' });
    expect(link.getAttribute('href')).toBe('/certificates/cer_1');
    // a lead without a certificate has no link
    expect(within(await screen.findByRole('article', { name: 'Purchase lead_p2' })).queryByRole('link', { name: 'Consent certificate' })).toBeNull();
  });

  it('moves a lead to LOST only with a reason', async () => {
    const { requests } = renderPage(purchase('p1', 'Nadia Karim'));
    const card = await screen.findByRole('article', { name: 'Purchase Nadia Karim' });
    const outcome = within(card).getByLabelText('Outcome') as HTMLSelectElement;
    expect([...outcome.options].map((o) => o.value)).toEqual(['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST']);
    fireEvent.change(outcome, { target: { value: 'LOST' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save outcome' }));
    expect(within(card).getByText(/Say why the lead was lost/)).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'UpdateLeadOutcome')).toBe(false);

    fireEvent.change(within(card).getByLabelText('Reason lost'), { target: { value: 'Refused to buy' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save outcome' }));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'UpdateLeadOutcome')?.variables).toEqual({ purchaseId: 'p1', outcome: 'LOST', reason: 'Refused to buy' }),
    );
    expect(await within(card).findByText('Saved.')).toBeTruthy();
  });

  it('opens a dispute from the purchase and then shows its status', async () => {
    renderPage(purchase('p1', 'Nadia Karim'));
    const card = await screen.findByRole('article', { name: 'Purchase Nadia Karim' });
    fireEvent.click(within(card).getByRole('button', { name: 'Dispute the lead Nadia Karim' }));
    fireEvent.change(within(card).getByLabelText('Reason'), { target: { value: 'NOT_INTERESTED' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Open dispute' }));
    expect(await within(card).findByText('Dispute open')).toBeTruthy();
    expect(within(card).getByText('Never asked to be contacted')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /^Dispute the lead/ })).toBeNull();
  });

  it('shows an accepted dispute’s refund and note, and why the contact is gone', async () => {
    renderPage(purchase('p1', 'Nadia Karim'));
    const card = await screen.findByRole('article', { name: 'Purchase lead_p2' });
    expect(within(card).getByText('Dispute accepted')).toBeTruthy();
    expect(within(card).getByLabelText('Refund amount').textContent).toBe('$40.00');
    expect(within(card).getByText('Confirmed by phone')).toBeTruthy();
    expect(within(card).getByText(/this lead was refunded/)).toBeTruthy();
    // the disputing buyer reads the re-check that decided it
    expect(within(within(card).getByRole('list', { name: 'Re-check' })).getByRole('listitem').textContent).toBe('✗ Unique contact failed');
  });

  it('searches and filters through the URL and sends them as a PurchaseFilter', async () => {
    const { requests } = renderPage(purchase('p1', 'Nadia Karim'));
    await screen.findByRole('article', { name: 'Purchase Nadia Karim' });
    fireEvent.change(screen.getByLabelText('Outcome', { selector: '#' + screen.getAllByLabelText('Outcome')[0]!.id }), { target: { value: 'LOST' } });
    fireEvent.change(screen.getByRole('searchbox', { name: /Search/ }), { target: { value: 'nadia' } });
    fireEvent.change(screen.getAllByLabelText('Sort by')[0]!, { target: { value: 'PRICE_DESC' } });
    await waitFor(() => {
      const last = requests.filter((r) => r.operationName === 'MyPurchases').at(-1)!.variables;
      expect(last).toMatchObject({ filter: { outcomes: ['LOST'], search: 'nadia' }, sort: 'PRICE_DESC' });
    });
  });

  it('sets one outcome on the selected purchases, and says nothing changed when the API refuses', async () => {
    const { requests } = renderPage(purchase('p1', 'Nadia Karim'));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select purchase Nadia Karim' }));
    const bar = screen.getByRole('region', { name: 'Bulk outcome' });
    expect(within(bar).getByText('1 selected')).toBeTruthy();
    fireEvent.change(within(bar).getByLabelText('Outcome'), { target: { value: 'QUALIFIED' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Set outcome for 1' }));
    expect(await screen.findByText('1 purchase marked qualified.')).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'UpdateLeadOutcomes')!.variables).toEqual({ purchaseIds: ['p1'], outcome: 'QUALIFIED', reason: null });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select purchase Nadia Karim' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select purchase lead_p2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Set outcome for 2' }));
    expect(await screen.findByText('Nothing was changed')).toBeTruthy();
  });
});
