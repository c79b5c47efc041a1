// The audit log page: who did what, filtered by action, actor, dates and text, paged, with a CSV export.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { formatDateTime } from '../../lib/format';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { AuditActionsQuery, AuditLogQuery } from './audit.operations';
import { auditCsvHref, auditFilterVariables, EMPTY_AUDIT_FILTER, type AuditFilterForm } from './audit-filter';
import { TableWrap } from '../../lib/ui/table-wrap';

const PAGE_SIZE = 50;

export function AuditLogPage() {
  const [draft, setDraft] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  const [applied, setApplied] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  // the cursors of the pages before the one shown, for "Previous"
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const [actions] = useQuery({ query: AuditActionsQuery });
  const [result] = useQuery({ query: AuditLogQuery, variables: { filter: auditFilterVariables(applied), first: PAGE_SIZE, after } });
  const connection = result.data?.auditLog;
  const error = apiErrorFromGraphql(result.error);
  const set = (field: keyof AuditFilterForm) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    setCursors([null]);
  };

  return (
    <Page
      title="Audit log"
      wide
      intro="Who did what: contact reads, money, prices and policies, suspensions, keys and sign-ins."
      actions={
        <a className="button button--secondary" href={auditCsvHref(applied)}>
          Export CSV
        </a>
      }
    >
      <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
        <label>
          Action
          <select value={draft.action} onChange={set('action')}>
            <option value="">Any</option>
            {(actions.data?.auditActions ?? []).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Actor (user id)
          <input value={draft.actorUserId} onChange={set('actorUserId')} />
        </label>
        <label>
          From
          <input type="date" value={draft.from} onChange={set('from')} />
        </label>
        <label>
          To
          <input type="date" value={draft.to} onChange={set('to')} />
        </label>
        <label>
          Search
          <input type="search" value={draft.search} onChange={set('search')} />
        </label>
        <button type="submit" className="button">
          Apply
        </button>
      </form>
      <ErrorMessage error={error} title="The audit log could not be loaded" />
      {!connection ? (
        error ? null : (
          <Loading label="Loading the audit log…" />
        )
      ) : !connection.edges.length ? (
        <EmptyState title="No entries.">Nothing matches this filter.</EmptyState>
      ) : (
        <>
          <p aria-label="Matching entries">{connection.totalCount} entries</p>
          <TableWrap label="Audit log entries">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Target</th>
                  <th scope="col">Request</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node: e }) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      {e.actorName ?? e.actorUserId ?? e.actorApiKeyId ?? '—'} <small>({e.actorRole})</small>
                    </td>
                    <td>
                      {e.targetType} {e.targetId ? <code>{e.targetId}</code> : null}
                    </td>
                    <td>{e.requestId ? <code>{e.requestId}</code> : '—'}</td>
                    <td>
                      <code>{JSON.stringify(e.details)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <div className="pager">
            <button type="button" className="button button--secondary" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!connection.pageInfo.hasNextPage}
              onClick={() => connection.pageInfo.endCursor && setCursors([...cursors, connection.pageInfo.endCursor])}
            >
              Next
            </button>
          </div>
        </>
      )}
    </Page>
  );
}
