// Seller: the organization's leads by status, with verification, and withdraw / erase-contact actions.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { LeadStatus, MyListingsQuery as TMyListings } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { useSegments, segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { LEAD_STATUSES, enumLabel, isOneOf } from '../../lib/enums';
import { formatAge, formatMoney } from '../../lib/format';
import { usePageCursors } from '../../lib/use-page-cursors';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { Link } from 'react-router';
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
  const { segments } = useSegments();

  return (
    <Page
      title="My listings"
      intro="Every lead your organization submitted, newest first."
      wide
      actions={
        <Link className="button" to="/seller/leads/new">
          Submit a lead
        </Link>
      }
    >
      <div className="toolbar">
        <SelectField
          label="Status"
          name="status"
          value={status ?? ''}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          options={[{ value: '', label: 'All statuses' }, ...LEAD_STATUSES.map((s) => ({ value: s, label: enumLabel(s) }))]}
        />
      </div>
      <Listings key={status ?? 'all'} status={status} segments={segments} />
    </Page>
  );
}

function Listings({ status, segments }: { status: LeadStatus | null; segments: readonly SegmentInfo[] }) {
  const { cursors, loadMore } = usePageCursors();
  return (
    <div className="results">
      {cursors.map((after, i) => (
        <ListingsPage
          key={after ?? 'first'}
          status={status}
          after={after}
          isFirst={i === 0}
          isLast={i === cursors.length - 1}
          onLoadMore={loadMore}
          segments={segments}
        />
      ))}
    </div>
  );
}

interface ListingsPageProps {
  status: LeadStatus | null;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (cursor: string) => void;
  segments: readonly SegmentInfo[];
}

function ListingsPage({ status, after, isFirst, isLast, onLoadMore, segments }: ListingsPageProps) {
  const filter = status ? { statuses: [status] } : null;
  const [result, reexecute] = useQuery({ query: MyListingsQuery, variables: { filter, first: PAGE_SIZE, after }, context: LEAD_CONTEXT });
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
  return (
    <>
      {isFirst ? (
        <p className="results__count" role="status">
          {connection.totalCount === 1 ? '1 lead' : `${connection.totalCount} leads`}
        </p>
      ) : null}
      {isFirst && !connection.edges.length ? (
        <EmptyState title={status ? `No ${enumLabel(status).toLowerCase()} leads.` : 'You have not submitted any leads yet.'}>
          <Link to="/seller/leads/new">Submit a lead</Link> or <Link to="/seller/leads/csv">upload a CSV</Link>.
        </EmptyState>
      ) : (
        <ul className="listing-list" aria-label={isFirst ? 'Listings' : 'More listings'}>
          {connection.edges.map((e) => (
            <li key={e.node.id}>
              <ListingRow lead={e.node} segments={segments} />
            </li>
          ))}
        </ul>
      )}
      {isLast && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <button type="button" className="button button--secondary load-more" onClick={() => onLoadMore(connection.pageInfo.endCursor!)}>
          Load more
        </button>
      ) : null}
    </>
  );
}

// the list must refresh after a withdraw or an erasure even when the page it is on came back empty
const LEAD_CONTEXT = { additionalTypenames: ['Lead'] };

function ListingRow({ lead, segments }: { lead: Listing; segments: readonly SegmentInfo[] }) {
  const [withdrawal, withdraw] = useMutation(WithdrawLeadMutation);
  const [erasure, erase] = useMutation(EraseLeadContactMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const label = `${lead.preview.initials} (${segmentName(segments, lead.segment)})`;
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);

  const run = async (action: () => Promise<{ error?: Parameters<typeof apiErrorFromGraphql>[0] }>) => {
    setError(null);
    const res = await action();
    setError(apiErrorFromGraphql(res.error));
  };

  return (
    <article className="listing" aria-label={`Lead ${label}`}>
      <div className="listing__main">
        <h3 className="listing__title">
          {segmentName(segments, lead.segment)}
          {sub ? <span className="lead-card__sub"> · {sub}</span> : null}
        </h3>
        <p className="listing__contact">
          {lead.erased ? (
            <Badge tone="neutral">Contact erased</Badge>
          ) : (
            <>
              {lead.preview.initials}
              {lead.preview.phone ? ` · ${lead.preview.phone}` : ''}
              {lead.preview.email ? ` · ${lead.preview.email}` : ''}
            </>
          )}
        </p>
        <p className="muted">
          {[lead.city, lead.region, lead.country].filter(Boolean).join(', ')} · {enumLabel(lead.kind)} · score {lead.score}/100 · captured{' '}
          <time dateTime={lead.capturedAt}>{formatAge(lead.capturedAt)}</time> ago ·
          {lead.exclusivity === 'EXCLUSIVE' ? ' exclusive' : ` shared, ${lead.salesCount}/${lead.maxSales} sold`}
        </p>
        {lead.signals?.length ? (
          <ul className="signals" aria-label="Signals">
            {lead.signals.map((s) => (
              <li key={s.code}>
                <Badge tone="warn" title={s.message}>
                  {enumLabel(s.code)}
                </Badge>
              </li>
            ))}
          </ul>
        ) : null}
        {(lead.status === 'REJECTED' || lead.verification === 'FAILED') && lead.findings?.some((f) => f.severity === 'ERROR') ? (
          <div className="listing__why">
            <p className="field__error">Why:</p>
            <ul aria-label="Why it was not listed">
              {lead.findings
                .filter((f) => f.severity === 'ERROR')
                .map((f, i) => (
                  <li key={`${f.code}-${i}`}>
                    {f.message} <span className="muted">({enumLabel(f.stage)})</span>
                  </li>
                ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="listing__side">
        <p className="listing__price">{formatMoney(lead.price)}</p>
        <div className="lead-card__badges">
          <Badge tone={STATUS_TONE[lead.status]}>{enumLabel(lead.status)}</Badge>
          <Badge tone={lead.verification === 'VERIFIED' ? 'good' : lead.verification === 'FAILED' ? 'bad' : 'warn'}>{enumLabel(lead.verification)}</Badge>
        </div>
        <div className="listing__actions">
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
      </div>
    </article>
  );
}
