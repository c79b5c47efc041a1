import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { SuppressionListPage } from './SuppressionListPage';

const list = (size: number, updatedAt: string | null) => ({ __typename: 'SuppressionList', size, updatedAt });

function csvFile(text: string): File {
  const file = new File([text], 'customers.csv', { type: 'text/csv' });
  // jsdom's File has no text(); the page reads the file with it
  Object.defineProperty(file, 'text', { value: async () => text });
  return file;
}

describe('<SuppressionListPage>', () => {
  it('shows the size, uploads a CSV, and lists the rows the API refused by line', async () => {
    let size = 3;
    const { requests } = renderWithApi(<SuppressionListPage />, {
      SuppressionList: () => ({ data: { suppressionList: list(size, size === 3 ? null : '2026-12-01T10:00:00Z') } }),
      AddSuppressedContacts: (v) => {
        const contacts = v.contacts as { phone: string | null; email: string | null }[];
        const bad = contacts.findIndex((c) => c.phone === '12');
        if (bad >= 0)
          return {
            errors: [
              {
                message: 'Some contacts are invalid; nothing was changed',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [{ path: `contacts[${bad}].phone`, message: 'phone must be a valid international number (+…), or give country' }],
                },
              },
            ],
          };
        size += contacts.length;
        return { data: { addSuppressedContacts: list(size, '2026-12-01T10:00:00Z') } };
      },
    });
    expect((await screen.findByLabelText('Suppressed contacts')).textContent).toBe('3');

    const csv = 'phone,email,country\n+12133734253,a@example.com,\n12,b@example.com,\n,,US\n\n,c@example.com,\n';
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [csvFile(csv)] } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));

    const result = await screen.findByRole('region', { name: 'Result' });
    expect(result.textContent).toContain('2 rows added, 2 with errors');
    const cells = within(result)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(cells).toEqual([
      ['3', 'phone', 'Error phone must be a valid international number (+…), or give country'],
      ['4', '—', 'Error no phone and no e-mail'],
    ]);
    const sends = requests.filter((r) => r.operationName === 'AddSuppressedContacts').map((r) => (r.variables.contacts as unknown[]).length);
    expect(sends).toEqual([3, 2]);
    await waitFor(() => expect(screen.getByLabelText('Suppressed contacts').textContent).toBe('5'));
  });

  it('removes one contact', async () => {
    const { requests } = renderWithApi(<SuppressionListPage />, {
      SuppressionList: () => ({ data: { suppressionList: list(1, null) } }),
      RemoveSuppressedContacts: () => ({ data: { removeSuppressedContacts: list(0, '2026-12-01T10:00:00Z') } }),
    });
    await screen.findByLabelText('Suppressed contacts');
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'a@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Removed from your list.')).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'RemoveSuppressedContacts')!.variables).toEqual({ contacts: [{ phone: null, email: 'a@example.com' }] });
  });
});
