// Seller: the organization's leads as a searchable, paged table (status filter and search in the URL); a row
// opens to its signals, why it was not listed and its history; withdraw and erase-contact actions.
import { Fragment, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { LeadStatus, MyListingsQuery as TMyListings } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { useSegments, segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { LEAD_STATUSES, enumLabel, isOneOf } from '../../lib/enums';
import { formatAge, formatMoney } from '../../lib/format';
import { LEAD_STATUS_WORDS, VERIFICATION_WORDS, codeWord } from '../../lib/words';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField, TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { LeadHistory } from './LeadHistory';
import { TablePager } from './TablePager';
import { useCursorPager } from './use-cursor-pager';
import './seller-tables.css';
import { EraseLeadContactMutation, MyListingsQuery, WithdrawLeadMutation } from './seller.operations';

const PAGE_SIZE = 25;
type Listing = TMyListings['myListings']['edges'][number]['node'];

const STATUS_TONE: Record<LeadStatus, BadgeTone> = {
  PENDING_VERIFICATION: 'info',
  LISTED: 'good',
  REJECTED: 'bad',
  SOLD_OUT: 'neutral',
  EXPIRED: 'neutral',
  WITHDRAWN: 'neutral',
};
const WITHDRAWABLE: readonly LeadStatus[] = ['PENDING_VERIFICATION', 'LISTED'];

export function MyListingsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = isOneOf(LEAD_STATUSES, raw) ? raw : null;
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState(search);
  const { segments } = useSegments();
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam('q', typed.trim());
  };

  return (
    <Page
      title="My listings"
      intro="Every lead your organization submitted, newest first. Open a row for its history."
      wide
      actions={
        <Link className="button" to="/seller/leads/new">
          Submit a lead
        </Link>
      }
    >
      <div className="toolbar">
        <form className="form--inline" role="search" aria-label="Search listings" onSubmit={submitSearch}>
          <TextField
            label="Search"
            name="q"
            type="search"
            hint="Lead id, your external id, city or segment"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </form>
        <SelectField
          label="Status"
          name="status"
          value={status ?? ''}
          onChange={(e) => setParam('status', e.target.value)}
          options={[{ value: '', label: 'All statuses' }, ...LEAD_STATUSES.map((s) => ({ value: s, label: LEAD_STATUS_WORDS[s] }))]}
        />
      </div>
      {/* a new filter or search starts again at page 1 */}
      <ListingsTable key={`${status ?? 'all'}|${search}`} status={status} search={search} segments={segments} />
    </Page>
  );
}

// the list must refresh after a withdraw or an erasure even when the page it is on came back empty
const LEAD_CONTEXT = { additionalTypenames: ['Lead'] };

function ListingsTable({ status, search, segments }: { status: LeadStatus | null; search: string; segments: readonly SegmentInfo[] }) {
  const pager = useCursorPager();
  const filter = status ? { statuses: [status] } : null;
  const [result, reexecute] = useQuery({
    query: MyListingsQuery,
    variables: { filter, first: PAGE_SIZE, after: pager.after, search: search || null },
    context: LEAD_CONTEXT,
  });
  const connection = result.data?.myListings;
  const error = apiErrorFromGraphql(result.error);

  if (!connection) {
    if (error) {
      return (
        <div>
          <ErrorMessage error={error} title="Listings could not be loaded" />
          <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </div>
      );
    }
    return <Loading label="Loading listings…" />;
  }
  if (!connection.edges.length && pager.page === 0) {
    return (
      <>
        <p className="results__count" role="status">
          0 leads
        </p>
        {search || status ? (
          <EmptyState title="No leads match.">Try another search or status.</EmptyState>
        ) : (
          <EmptyState title="You have not submitted any leads yet.">
            <Link to="/seller/leads/new">Submit a lead</Link> or <Link to="/seller/leads/csv">upload a CSV</Link>.
          </EmptyState>
        )}
      </>
    );
  }
  return (
    <section aria-label="Listings">
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Your leads, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Lead</th>
              <th scope="col">Place</th>
              <th scope="col">Captured</th>
              <th scope="col">Price</th>
              <th scope="col">Sales</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map((e) => (
              <ListingRow key={e.node.id} lead={e.node} segments={segments} />
            ))}
          </tbody>
        </table>
      </div>
      <TablePager pager={pager} pageSize={PAGE_SIZE} connection={connection} noun={['lead', 'leads']} />
    </section>
  );
}

function ListingRow({ lead, segments }: { lead: Listing; segments: readonly SegmentInfo[] }) {
  const [withdrawal, withdraw] = useMutation(WithdrawLeadMutation);
  const [erasure, erase] = useMutation(EraseLeadContactMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState(false);
  const label = `${lead.preview.initials} (${segmentName(segments, lead.segment)})`;
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);
  const why = (lead.status === 'REJECTED' || lead.verification === 'FAILED' ? lead.findings : null)?.filter((f) => f.severity === 'ERROR') ?? [];
  const detailsId = `lead-details-${lead.id}`;

  const run = async (action: () => Promise<{ error?: Parameters<typeof apiErrorFromGraphql>[0] }>) => {
    setError(null);
    const res = await action();
    setError(apiErrorFromGraphql(res.error));
  };

  return (
    <Fragment>
      <tr aria-label={`Lead ${label}`}>
        <th scope="row">
          {segmentName(segments, lead.segment)}
          {sub ? ` · ${sub}` : ''}
          <span className="table__sub-text">
            {lead.erased ? 'Contact erased' : [lead.preview.initials, lead.preview.phone, lead.preview.email].filter(Boolean).join(' · ')}
          </span>
          <span className="table__sub-text mono">{lead.id}</span>
        </th>
        <td>{[lead.city, lead.region, lead.country].filter(Boolean).join(', ')}</td>
        <td>
          <time dateTime={lead.capturedAt}>{formatAge(lead.capturedAt)}</time> ago
          <span className="table__sub-text">
            {enumLabel(lead.kind)} · score {lead.score}/100
          </span>
        </td>
        <td>{formatMoney(lead.price)}</td>
        <td>{lead.exclusivity === 'EXCLUSIVE' ? `Exclusive, ${lead.salesCount ? 'sold' : 'not sold'}` : `${lead.salesCount} of ${lead.maxSales} sold`}</td>
        <td>
          <div className="lead-card__badges">
            <Badge tone={STATUS_TONE[lead.status]}>{LEAD_STATUS_WORDS[lead.status]}</Badge>
            <Badge tone={lead.verification === 'VERIFIED' ? 'good' : lead.verification === 'FAILED' ? 'bad' : 'warn'}>
              {VERIFICATION_WORDS[lead.verification]}
            </Badge>
          </div>
          {lead.signals?.length ? (
            <ul className="signals" aria-label="Signals">
              {lead.signals.map((s) => (
                <li key={s.code}>
                  <Badge tone="warn" title={s.message}>
                    {codeWord(s.code)}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null}
        </td>
        <td>
          <div className="listing__actions">
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={open}
              aria-controls={detailsId}
              aria-label={`${open ? 'Hide history' : 'History'} of lead ${label}`}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide history' : 'History'}
            </button>
            {WITHDRAWABLE.includes(lead.status) ? (
              <ConfirmButton
                label="Withdraw"
                ariaLabel={`Withdraw lead ${label}`}
                question="Withdraw this lead from sale?"
                confirmLabel="Yes, withdraw"
                busy={withdrawal.fetching}
                onConfirm={() => run(() => withdraw({ id: lead.id }, LEAD_CONTEXT))}
              />
            ) : null}
            {!lead.erased ? (
              <ConfirmButton
                label="Erase contact"
                ariaLabel={`Erase contact of lead ${label}`}
                question="Erase this person’s contact data for good? This cannot be undone."
                confirmLabel="Yes, erase"
                busy={erasure.fetching}
                onConfirm={() => run(() => erase({ id: lead.id }, LEAD_CONTEXT))}
              />
            ) : null}
          </div>
          <ErrorMessage error={error} />
        </td>
      </tr>
      {why.length ? (
        <tr className="table__detail">
          <td colSpan={7}>
            <span className="field__error">Why it was not listed:</span>
            <ul aria-label="Why it was not listed">
              {why.map((f, i) => (
                <li key={`${f.code}-${i}`}>
                  {f.message} <span className="muted">({codeWord(f.stage)})</span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ) : null}
      {open ? (
        <tr className="table__detail" id={detailsId}>
          <td colSpan={7}>
            <LeadHistory leadId={lead.id} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
