import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi } from '../../test/render-with-api';
import { AuditLogPage } from './AuditLogPage';
import { auditCsvHref } from './audit-filter';

const entry = (id: string, action: string) => ({
  __typename: 'AuditLogEntry',
  id,
  at: '2026-12-01T10:00:00.000Z',
  action,
  actorRole: 'OPERATOR',
  actorUserId: 'usr_op',
  actorName: 'Olga',
  actorApiKeyId: null,
  targetType: 'segment',
  targetId: 'FINANCE',
  targetOrganizationId: null,
  requestId: 'req-1',
  details: { commissionBps: 2000 },
});

const page = (edges: ReturnType<typeof entry>[], endCursor: string | null, hasNextPage: boolean, totalCount = 3) => ({
  data: {
    auditLog: {
      __typename: 'AuditLogConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      edges: edges.map((node) => ({ __typename: 'AuditLogEdge', node })),
    },
  },
});

describe('<AuditLogPage>', () => {
  it('lists entries, filters them, pages on, and links the CSV export with the same filter', async () => {
    const { requests } = renderWithApi(<AuditLogPage />, {
      AuditActions: () => ({ data: { auditActions: ['commission.set', 'contact.read'] } }),
      AuditLog: (v) =>
        v.after === 'c2'
          ? page([entry('adt_3', 'contact.read')], 'c3', false)
          : (v.filter as Record<string, string>).action
            ? page([entry('adt_1', 'commission.set')], null, false, 1)
            : page([entry('adt_1', 'commission.set'), entry('adt_2', 'commission.set')], 'c2', true),
    });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table.textContent).toContain('Olga');
    expect(screen.getByLabelText('Matching entries').textContent).toBe('3 entries');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('table').textContent).toContain('contact.read'));

    await screen.findByRole('option', { name: 'contact.read' });
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'commission.set' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByLabelText('Matching entries').textContent).toBe('1 entries'));
    const last = requests.filter((r) => r.operationName === 'AuditLog').at(-1)!;
    expect(last.variables).toMatchObject({ filter: { action: 'commission.set', from: '2026-12-01' }, after: null });
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/audit.csv?action=commission.set&from=2026-12-01');
  });

  it('leaves empty fields out of the export link', () => {
    expect(auditCsvHref({ action: '', actorUserId: ' ', from: '', to: '', search: '' })).toBe('/audit.csv');
  });
});
