import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi, type GraphqlAnswer } from '../../test/render-with-api';
import { FormOriginsPage } from './FormOriginsPage';

const origin = (id: string, value: string) => ({ __typename: 'ConsentOrigin', id, origin: value, createdAt: '2026-11-01T10:00:00.000Z' });

function renderPage(initial: ReturnType<typeof origin>[], add?: (v: Record<string, unknown>) => GraphqlAnswer) {
  let origins = initial;
  return renderWithApi(
    <FormOriginsPage />,
    {
      MyConsentOrigins: () => ({ data: { myConsentOrigins: origins } }),
      AddConsentOrigin:
        add ??
        ((v) => {
          const row = origin('cor_new', String(v.origin));
          origins = [...origins, row];
          return { data: { addConsentOrigin: row } };
        }),
      RemoveConsentOrigin: (v) => {
        origins = origins.filter((o) => o.id !== v.id);
        return { data: { removeConsentOrigin: true } };
      },
    },
    '/seller/origins',
  );
}

describe('<FormOriginsPage>', () => {
  it('lists the seller’s origins', async () => {
    renderPage([origin('cor_1', 'https://forms.example.com'), origin('cor_2', 'https://quote.example.org:8443')]);
    expect(await screen.findByText('https://forms.example.com')).toBeTruthy();
    expect(screen.getByText('https://quote.example.org:8443')).toBeTruthy();
  });

  it('says so when there are none', async () => {
    renderPage([]);
    expect(await screen.findByText('No form origins yet.')).toBeTruthy();
  });

  it('adds an origin and shows it', async () => {
    const page = renderPage([]);
    fireEvent.change(await screen.findByLabelText('Origin'), { target: { value: ' https://forms.example.com ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add origin' }));
    expect(await screen.findByText('https://forms.example.com')).toBeTruthy();
    expect(page.requests.find((r) => r.operationName === 'AddConsentOrigin')!.variables).toEqual({ origin: 'https://forms.example.com' });
    expect((screen.getByLabelText('Origin') as HTMLInputElement).value).toBe('');
  });

  it('asks for an origin before sending anything', async () => {
    const page = renderPage([]);
    fireEvent.click(await screen.findByRole('button', { name: 'Add origin' }));
    expect(await screen.findByText(/Enter the address your form is served from/)).toBeTruthy();
    expect(page.requests.some((r) => r.operationName === 'AddConsentOrigin')).toBe(false);
  });

  it('shows the API’s field error next to the field', async () => {
    renderPage([], () => ({
      errors: [
        {
          message: 'Not a form origin',
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'CONSENT_ORIGIN_INVALID',
            fields: [{ path: 'origin', message: 'an http(s) scheme and host, optionally a port, and no path, e.g. https://forms.example.com' }],
          },
        },
      ],
    }));
    fireEvent.change(await screen.findByLabelText('Origin'), { target: { value: 'https://forms.example.com/apply' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add origin' }));
    expect(await screen.findByText(/no path, e\.g\. https:\/\/forms\.example\.com/)).toBeTruthy();
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText('Not a form origin')).toBeTruthy();
  });

  it('removes an origin after confirming', async () => {
    const page = renderPage([origin('cor_1', 'https://forms.example.com')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove origin https://forms.example.com' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(page.requests.find((r) => r.operationName === 'RemoveConsentOrigin')?.variables).toEqual({ id: 'cor_1' }));
    expect(await screen.findByText('No form origins yet.')).toBeTruthy();
  });
});
