import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { ApiKeysPage } from './ApiKeysPage';

const key = (id: string, patch: Record<string, unknown> = {}) => ({
  __typename: 'ApiKey',
  id,
  name: `Key ${id}`,
  prefix: 'lxk_abcdef',
  scopes: ['LEADS_WRITE'],
  expiresAt: null as string | null,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastUsedAt: null as string | null,
  revokedAt: null as string | null,
  ...patch,
});

function renderPage(keys: ReturnType<typeof key>[]) {
  return renderWithApi(
    <ApiKeysPage />,
    {
      MyApiKeys: () => ({ data: { myApiKeys: keys } }),
      CreateApiKey: (v) => ({
        data: {
          createApiKey: {
            __typename: 'ApiKeyPayload',
            key: 'lxk_secret_shown_once',
            apiKey: key('new', { name: v.name, scopes: v.scopes, expiresAt: v.expiresAt }),
          },
        },
      }),
    },
    '/seller/api-keys',
  );
}

describe('<ApiKeysPage>', () => {
  it('shows what each key may do, when it expires and when it was last used', async () => {
    renderPage([
      key('a', { name: 'Landing pages' }),
      key('b', { name: 'CRM sync', scopes: ['LEADS_WRITE', 'LEADS_READ'], expiresAt: '2027-01-01T00:00:00.000Z', lastUsedAt: '2026-11-30T08:00:00.000Z' }),
      key('c', { name: 'Old', expiresAt: '2020-01-01T00:00:00.000Z' }),
    ]);
    const landing = (await screen.findByText('Landing pages')).closest('tr')!;
    expect(within(landing).getByText('Submit leads')).toBeTruthy();
    expect(within(landing).getAllByText('never')).toHaveLength(2);
    const crm = screen.getByText('CRM sync').closest('tr')!;
    expect(within(crm).getByText('Submit leads, Read leads and contacts')).toBeTruthy();
    expect(within(crm).queryByText('never')).toBeNull();
    expect(within(screen.getByText('Old').closest('tr')!).getByText('Expired')).toBeTruthy();
  });

  it('creates a submit-only key unless reading is ticked', async () => {
    const page = renderPage([]);
    fireEvent.change(await screen.findByLabelText('Key name'), { target: { value: 'Landing pages' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await screen.findByDisplayValue('lxk_secret_shown_once');
    expect(page.requests.find((r) => r.operationName === 'CreateApiKey')!.variables).toEqual({
      name: 'Landing pages',
      scopes: ['LEADS_WRITE'],
      expiresAt: null,
    });
  });

  it('sends LEADS_READ and the expiry when the seller asks for them', async () => {
    const page = renderPage([]);
    fireEvent.change(await screen.findByLabelText('Key name'), { target: { value: 'CRM sync' } });
    fireEvent.change(screen.getByLabelText('Expires (optional)'), { target: { value: '2027-03-01T12:30' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /read our leads/i }));
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await waitFor(() => expect(page.requests.some((r) => r.operationName === 'CreateApiKey')).toBe(true));
    const sent = page.requests.find((r) => r.operationName === 'CreateApiKey')!.variables;
    expect(sent).toMatchObject({ name: 'CRM sync', scopes: ['LEADS_WRITE', 'LEADS_READ'] });
    expect(sent.expiresAt).toBe(new Date('2027-03-01T12:30').toISOString());
  });
});
