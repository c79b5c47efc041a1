import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApi, type Handlers } from '../../test/render-with-api';
import { DisputeForm } from './DisputeForm';

const dispute = {
  __typename: 'Dispute',
  id: 'dsp_1',
  reason: 'FAKE',
  evidence: 'bot',
  status: 'OPEN',
  refund: null,
  note: null,
  autoCheck: null,
  autoDecided: false,
  openedAt: new Date().toISOString(),
  resolvedAt: null,
  purchase: { __typename: 'Purchase', id: 'pur_1', status: 'ESCROW' },
};

function renderForm(handlers: Handlers) {
  const opened: unknown[] = [];
  let cancelled = 0;
  const rendered = renderWithApi(
    <DisputeForm
      purchaseId="pur_1"
      deadlineText="Nov 26"
      newKey={() => 'key-1'}
      onOpened={(d) => opened.push(d)}
      onCancel={() => {
        cancelled += 1;
      }}
    />,
    handlers,
  );
  return { ...rendered, opened, cancelled: () => cancelled };
}

describe('<DisputeForm>', () => {
  it('needs a reason, and evidence for OTHER, before anything is sent', async () => {
    const { requests } = renderForm({});
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    expect(screen.getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Choose what is wrong with the lead.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'OTHER' } });
    expect(screen.getByText('Describe the problem in the evidence.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    expect(screen.getByText(/Describe the problem: an operator reads it/)).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it('opens the dispute with the purchase, reason, trimmed evidence and its idempotency key', async () => {
    const { requests, opened } = renderForm({ OpenDispute: () => ({ data: { openDispute: dispute } }) });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'FAKE' } });
    fireEvent.change(screen.getByLabelText('Evidence'), { target: { value: '  Answered: never filled any form  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(requests[0]!.variables).toEqual({
      input: { purchaseId: 'pur_1', reason: 'FAKE', evidence: 'Answered: never filled any form' },
      idempotencyKey: 'key-1',
    });
  });

  it('puts the API’s field errors beside their inputs and a conflict at the top', async () => {
    let call = 0;
    renderForm({
      OpenDispute: () =>
        ++call === 1
          ? {
              errors: [
                {
                  message: 'Some input is invalid',
                  extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.evidence', message: 'at most 5000 characters' }] },
                },
              ],
            }
          : { errors: [{ message: 'Disputes are open for 72 hours after the purchase', extensions: { code: 'CONFLICT', reason: 'RETURN_WINDOW_CLOSED' } }] },
    });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'FAKE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    expect(await screen.findByText('at most 5000 characters')).toBeTruthy();
    expect(screen.getByLabelText('Evidence').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    expect(await screen.findByText('Disputes are open for 72 hours after the purchase')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/The dispute was not opened/);
  });

  it('offers only the reasons and remedies the buyer’s return policy allows, and sends the remedy chosen', async () => {
    const opened: unknown[] = [];
    const { requests } = renderWithApi(
      <DisputeForm
        purchaseId="pur_1"
        segment="AUTO_TEST_DRIVE"
        deadlineText="Nov 26"
        newKey={() => 'key-2'}
        onOpened={(d) => opened.push(d)}
        onCancel={() => {}}
      />,
      {
        ReturnPolicy: () => ({
          data: {
            returnPolicy: {
              __typename: 'ReturnPolicy',
              segment: 'AUTO_TEST_DRIVE',
              windowHours: 48,
              allowedReasons: ['DUPLICATE', 'FAKE'],
              allowedRemedies: ['REFUND', 'REPLACEMENT'],
            },
          },
        }),
        OpenDispute: () => ({ data: { openDispute: { ...dispute, remedy: 'REPLACEMENT', replacement: null } } }),
      },
    );
    const remedy = await screen.findByLabelText('Remedy');
    const reasons = Array.from((screen.getByLabelText('Reason') as HTMLSelectElement).options).map((o) => o.value);
    expect(reasons).toEqual(['', 'DUPLICATE', 'FAKE']);
    expect((remedy as HTMLSelectElement).value).toBe('REFUND');
    fireEvent.change(remedy, { target: { value: 'REPLACEMENT' } });
    expect(screen.getByText(/Another lead of the same segment and place/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'FAKE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open dispute' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(requests.find((r) => r.operationName === 'OpenDispute')!.variables).toEqual({
      input: { purchaseId: 'pur_1', reason: 'FAKE', evidence: null, remedy: 'REPLACEMENT' },
      idempotencyKey: 'key-2',
    });
  });

  it('can be cancelled', () => {
    const { cancelled } = renderForm({});
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelled()).toBe(1);
  });
});
