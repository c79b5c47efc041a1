import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SEGMENTS, renderWithApi, type GraphqlAnswer } from '../../test/render-with-api';
import { SubmitLeadPage } from './SubmitLeadPage';

const segments = () => ({ data: { segments: SEGMENTS } });

function errorOf(label: RegExp): string | null {
  const input = screen.getByLabelText(label);
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field__error'));
  return error?.textContent ?? null;
}

async function fillValidLead(segment = 'AUTO_TEST_DRIVE') {
  fireEvent.change(await screen.findByLabelText(/^Segment\b/), { target: { value: segment } });
  fireEvent.change(screen.getByLabelText(/^Full name/), { target: { value: 'Maria Lopez' } });
  fireEvent.change(screen.getByLabelText(/^Phone/), { target: { value: '+1 415 555 2671' } });
  fireEvent.change(screen.getByLabelText(/^Country/), { target: { value: 'us' } });
  fireEvent.change(screen.getByLabelText(/^Kind/), { target: { value: 'INTERESTED' } });
  fireEvent.change(screen.getByLabelText(/^Source channel/), { target: { value: 'SEO' } });
  fireEvent.change(screen.getByLabelText(/^Consent text/), { target: { value: 'I agree to be contacted about a test drive.' } });
}

const batch = (result: object): GraphqlAnswer => ({
  data: {
    submitLeads: {
      __typename: 'LeadBatch',
      id: 'bat_1',
      accepted: 0,
      rejected: 1,
      status: 'REJECTED',
      results: [{ __typename: 'LeadResult', index: 0, ...result }],
    },
  },
});

describe('<SubmitLeadPage>', () => {
  it('shows the attribute questions of the chosen segment and subsegment', async () => {
    renderWithApi(<SubmitLeadPage />, { Segments: segments });
    fireEvent.change(await screen.findByLabelText(/^Segment\b/), { target: { value: 'AUTO_TEST_DRIVE' } });
    expect(screen.getByLabelText(/^Brand/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Vehicle year/)).toBeNull();
    expect((screen.getByLabelText(/^Subsegment/) as HTMLSelectElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText(/^Segment\b/), { target: { value: 'INSURANCE' } });
    expect(screen.queryByLabelText(/^Brand/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Subsegment/), { target: { value: 'CASCO' } });
    expect((screen.getByLabelText(/^Vehicle year/) as HTMLInputElement).required).toBe(true);
    fireEvent.change(screen.getByLabelText(/^Subsegment/), { target: { value: 'LIFE' } });
    expect(screen.queryByLabelText(/^Vehicle year/)).toBeNull();
    expect(screen.getByLabelText(/^Coverage amount/)).toBeTruthy();
  });

  it('checks required fields before sending anything', async () => {
    const { requests } = renderWithApi(<SubmitLeadPage />, { Segments: segments });
    fireEvent.change(await screen.findByLabelText(/^Segment\b/), { target: { value: 'AUTO_TEST_DRIVE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit lead' }));
    expect(errorOf(/^Full name/)).toMatch(/required/);
    expect(errorOf(/^Phone/)).toMatch(/at least one way/);
    expect(errorOf(/^Brand/)).toBe('Brand is required.');
    expect(requests.some((r) => r.operationName === 'SubmitLeads')).toBe(false);
    // every problem at once in a summary, in the form's order, and focus on the first invalid field
    const summary = screen.getByRole('region', { name: /^Fix \d+ fields to continue$/ });
    const items = within(summary)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(items[0]).toMatch(/required/);
    // the segment details come last on the form, and so in the summary
    expect(items.slice(-2)).toEqual(['Brand is required.', 'Model is required.']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Full name/)));
    fireEvent.click(within(summary).getByRole('link', { name: 'Brand is required.' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Brand/));
  });

  it('sends one typed lead and shows the rejection reasons next to their inputs', async () => {
    const { requests } = renderWithApi(<SubmitLeadPage />, {
      Segments: segments,
      SubmitLeads: () =>
        batch({
          lead: null,
          issues: [
            { __typename: 'LeadIssue', code: 'PHONE_INVALID', field: 'phone', message: 'The phone is not a valid number for US.', severity: 'ERROR' },
            { __typename: 'LeadIssue', code: 'ATTRIBUTE_INVALID', field: 'attributes.model', message: 'Model must be text.', severity: 'ERROR' },
            { __typename: 'LeadIssue', code: 'SOMETHING_ELSE', field: null, message: 'The whole lead is odd.', severity: 'ERROR' },
          ],
        }),
    });
    await fillValidLead();
    fireEvent.change(screen.getByLabelText(/^Brand/), { target: { value: 'Toyota' } });
    fireEvent.change(screen.getByLabelText(/^Model/), { target: { value: 'Corolla' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit lead' }));

    await waitFor(() => expect(errorOf(/^Phone/)).toBe('The phone is not a valid number for US.'));
    expect(errorOf(/^Model/)).toBe('Model must be text.');
    expect(screen.getByRole('alert').textContent).toMatch(/The whole lead is odd/);

    const sent = requests.find((r) => r.operationName === 'SubmitLeads')!.variables.input as Record<string, unknown>[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      segment: 'AUTO_TEST_DRIVE',
      country: 'US',
      fullName: 'Maria Lopez',
      kind: 'INTERESTED',
      sourceChannel: 'SEO',
      exclusivity: 'SHARED',
      attributes: { brand: 'Toyota', model: 'Corolla' },
      consent: { text: 'I agree to be contacted about a test drive.' },
    });
    expect(new Date(sent[0]!.capturedAt as string).toISOString()).toBe(sent[0]!.capturedAt);
  });

  it('maps BAD_USER_INPUT paths (input[0].…) to the inputs', async () => {
    renderWithApi(<SubmitLeadPage />, {
      Segments: segments,
      SubmitLeads: () => ({
        errors: [
          {
            message: 'Some leads are malformed; nothing was submitted',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { path: 'input[0].capturedAt', message: 'must be an ISO-8601 date-time' },
                { path: 'input[0].consent.timestamp', message: 'must be an ISO-8601 date-time' },
                { path: 'input[0].attributes.brand', message: 'too long' },
              ],
            },
          },
        ],
      }),
    });
    await fillValidLead();
    fireEvent.change(screen.getByLabelText(/^Brand/), { target: { value: 'Toyota' } });
    fireEvent.change(screen.getByLabelText(/^Model/), { target: { value: 'Corolla' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit lead' }));

    await waitFor(() => expect(errorOf(/^Captured at/)).toBe('must be an ISO-8601 date-time'));
    expect(errorOf(/^Consent given at/)).toBe('must be an ISO-8601 date-time');
    expect(errorOf(/^Brand/)).toBe('too long');
    expect(screen.getByRole('alert').textContent).toMatch(/malformed/);
  });

  it('confirms an accepted lead with its warnings', async () => {
    renderWithApi(<SubmitLeadPage />, {
      Segments: segments,
      SubmitLeads: () =>
        batch({
          lead: {
            __typename: 'Lead',
            id: 'lead_1',
            status: 'PENDING_VERIFICATION',
            verification: 'UNVERIFIED',
            score: 55,
            temperature: 'WARM',
            price: { __typename: 'Money', amount: '40.00', currencyCode: 'USD' },
          },
          issues: [
            {
              __typename: 'LeadIssue',
              code: 'DISPOSABLE_EMAIL',
              field: 'email',
              message: 'The e-mail is on a disposable-mailbox domain.',
              severity: 'WARNING',
            },
          ],
        }),
    });
    await fillValidLead();
    fireEvent.change(screen.getByLabelText(/^Brand/), { target: { value: 'Toyota' } });
    fireEvent.change(screen.getByLabelText(/^Model/), { target: { value: 'Corolla' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit lead' }));
    expect(await screen.findByText('Lead accepted')).toBeTruthy();
    expect(screen.getByText(/disposable-mailbox/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Submit another lead' }));
    expect((screen.getByLabelText(/^Segment\b/) as HTMLSelectElement).value).toBe('AUTO_TEST_DRIVE');
    expect((screen.getByLabelText(/^Full name/) as HTMLInputElement).value).toBe('');
  });
});
