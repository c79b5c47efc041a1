// Buyer: purchased leads with their full contact data and consent proof, the CRM outcome of each, disputes and refunds,
// and the CSV export (GET /purchases/csv with the session cookie).
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { MyPurchasesQuery as TMyPurchases } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { useSegments, segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatDateTime, formatMoney } from '../../lib/format';
import { usePageCursors } from '../../lib/use-page-cursors';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { CheckList } from '../../lib/ui/check-list';
import { BulkOutcomeBar } from './BulkOutcomeBar';
import { ConsentProof } from './ConsentProof';
import { ContactDetails } from './ContactDetails';
import { PurchaseFilters } from './PurchaseFilters';
import { dateRangeError, purchaseListParams, readPurchaseList, toPurchaseFilter, type PurchaseListState } from './purchase-filter-state';
import './purchases.css';
import { DisputeForm } from './DisputeForm';
import { OutcomeForm } from './OutcomeForm';
import { DEFAULT_RETURN_WINDOW_HOURS, DISPUTE_REASONS, canDispute, disputeDeadline, remedyLabel } from './dispute-rules';
import { MyPurchasesQuery } from './purchases.operations';

const PAGE_SIZE = 20;
type Purchase = TMyPurchases['myPurchases']['edges'][number]['node'];
type Dispute = NonNullable<Purchase['dispute']>;

const STATUS: Record<string, { label: string; tone: BadgeTone; title: string }> = {
  ESCROW: { label: 'Return window open', tone: 'info', title: 'Paid; the seller is paid after the return window' },
  SETTLED: { label: 'Settled', tone: 'neutral', title: 'The return window has closed' },
  REFUNDED: { label: 'Refunded', tone: 'warn', title: 'Refunded after an accepted dispute' },
};
const DISPUTE_TONE: Record<Dispute['status'], BadgeTone> = { OPEN: 'info', ACCEPTED: 'good', REJECTED: 'bad' };

export function PurchasesPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readPurchaseList(params), [params]);
  const listKey = purchaseListParams(state).toString();
  const { segments } = useSegments();
  const [selected, setSelected] = useState<string[]>([]);
  const change = (next: PurchaseListState) => {
    setSelected([]);
    setParams(purchaseListParams(next));
  };
  const selection: Selection = {
    isSelected: (id) => selected.includes(id),
    toggle: (id, on) => setSelected((cur) => (on ? [...new Set([...cur, id])] : cur.filter((x) => x !== id))),
  };
  return (
    <Page
      title="My purchases"
      wide
      intro="Leads you bought, with their contact details. Track each one to see your cost per customer."
      actions={
        <a className="button button--secondary" href="/purchases/csv" download>
          Export CSV
        </a>
      }
    >
      <PurchaseFilters state={state} segments={segments} onChange={change} />
      <BulkOutcomeBar selected={selected} onDone={() => setSelected([])} />
      {dateRangeError(state) ? null : <PurchaseList key={listKey} state={state} segments={segments} selection={selection} />}
    </Page>
  );
}

interface Selection {
  isSelected: (purchaseId: string) => boolean;
  toggle: (purchaseId: string, selected: boolean) => void;
}

function PurchaseList({ state, segments, selection }: { state: PurchaseListState; segments: readonly SegmentInfo[]; selection: Selection }) {
  const { cursors, loadMore } = usePageCursors();
  const filtered = toPurchaseFilter(state) !== null;
  return (
    <div className="results">
      {cursors.map((after, i) => (
        <PurchasesChunk
          key={after ?? 'first'}
          after={after}
          state={state}
          filtered={filtered}
          isFirst={i === 0}
          isLast={i === cursors.length - 1}
          onLoadMore={loadMore}
          segments={segments}
          selection={selection}
        />
      ))}
    </div>
  );
}

function PurchasesChunk({
  after,
  state,
  filtered,
  isFirst,
  isLast,
  onLoadMore,
  segments,
  selection,
}: {
  after: string | null;
  state: PurchaseListState;
  filtered: boolean;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (c: string) => void;
  segments: readonly SegmentInfo[];
  selection: Selection;
}) {
  const variables = { first: PAGE_SIZE, after, filter: toPurchaseFilter(state), sort: state.sort === 'NEWEST' ? null : state.sort };
  const [result, reexecute] = useQuery({ query: MyPurchasesQuery, variables, context: PURCHASE_CONTEXT });
  const connection = result.data?.myPurchases;
  const error = apiErrorFromGraphql(result.error);
  if (!connection) {
    if (error) {
      return (
        <div>
          <ErrorMessage error={error} title="Purchases could not be loaded" />
          <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </div>
      );
    }
    return <Loading label="Loading purchases…" />;
  }
  return (
    <>
      {isFirst ? (
        <p className="results__count" role="status">
          {connection.totalCount === 1 ? '1 purchase' : `${connection.totalCount.toLocaleString('en-US')} purchases`}
        </p>
      ) : null}
      {isFirst && !connection.edges.length ? (
        filtered ? (
          <EmptyState title="No purchases match.">Try another search or fewer filters.</EmptyState>
        ) : (
          <EmptyState title="You have not bought any leads yet.">
            <Link to="/marketplace">Browse the marketplace</Link>.
          </EmptyState>
        )
      ) : (
        <ul className="listing-list" aria-label={isFirst ? 'Purchases' : 'More purchases'}>
          {connection.edges.map((e) => (
            <li key={e.node.id}>
              <PurchaseCard purchase={e.node} segments={segments} selection={selection} />
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

// a new dispute or outcome must refresh the list even where no Dispute was in it before
const PURCHASE_CONTEXT = { additionalTypenames: ['Purchase', 'Dispute'] };

function PurchaseCard({ purchase, segments, selection }: { purchase: Purchase; segments: readonly SegmentInfo[]; selection: Selection }) {
  const lead = purchase.lead;
  const contact = lead.contact;
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);
  const windowHours = segments.find((s) => s.code === lead.segment)?.returnWindowHours ?? DEFAULT_RETURN_WINDOW_HOURS;
  const deadline = disputeDeadline(purchase.purchasedAt, windowHours);
  const [disputing, setDisputing] = useState(false);
  const [justOpened, setJustOpened] = useState(false);
  const status = STATUS[purchase.status] ?? { label: enumLabel(purchase.status), tone: 'neutral' as const, title: '' };
  const name = contact?.fullName ?? lead.id;
  const place = [lead.city, lead.region, lead.country].filter(Boolean).join(', ');

  return (
    <article className="listing purchase" aria-label={`Purchase ${name}`}>
      <div className="listing__main">
        <label className="purchase__select">
          <input type="checkbox" checked={selection.isSelected(purchase.id)} onChange={(e) => selection.toggle(purchase.id, e.target.checked)} />
          <span className="visually-hidden">Select purchase {name}</span>
        </label>
        <h3 className="listing__title">
          {segmentName(segments, lead.segment)}
          {sub ? <span className="lead-card__sub"> · {sub}</span> : null}
        </h3>
        <p className="muted">
          {place} · bought {formatDateTime(purchase.purchasedAt)} · <span className="mono">{lead.id}</span>
        </p>
        {contact ? (
          <ContactDetails contact={contact} country={lead.country} />
        ) : (
          <p className="muted">
            {purchase.status === 'REFUNDED'
              ? 'Contact details are no longer shown: this lead was refunded.'
              : 'The contact details were erased at the person’s request.'}
          </p>
        )}
        <ConsentProof consent={lead.consent} />
        <OutcomeForm purchaseId={purchase.id} outcome={purchase.outcome} outcomeReason={purchase.outcomeReason} />
      </div>
      <div className="listing__side">
        <p className="listing__price">{formatMoney(purchase.price)}</p>
        <Badge tone={status.tone} title={status.title}>
          {status.label}
        </Badge>
        {purchase.dispute ? (
          <DisputeStatus dispute={purchase.dispute} />
        ) : disputing ? null : canDispute(purchase, deadline, new Date()) ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => setDisputing(true)} aria-label={`Dispute the lead ${name}`}>
              Dispute
            </button>
            <p className="field__hint">Until {formatDateTime(deadline.toISOString())}</p>
          </>
        ) : purchase.status === 'ESCROW' ? (
          <p className="field__hint">Return window closed</p>
        ) : null}
      </div>
      {disputing && !purchase.dispute ? (
        <div className="purchase__dispute">
          <DisputeForm
            purchaseId={purchase.id}
            segment={lead.segment}
            deadlineText={formatDateTime(deadline.toISOString())}
            onOpened={() => {
              setDisputing(false);
              setJustOpened(true);
            }}
            onCancel={() => setDisputing(false)}
          />
        </div>
      ) : null}
      {justOpened && purchase.dispute ? (
        <div className="purchase__dispute">
          <SuccessMessage>Dispute opened. {purchase.dispute.status === 'OPEN' ? 'An operator will decide; you will see the result here.' : ''}</SuccessMessage>
        </div>
      ) : null}
    </article>
  );
}

function DisputeStatus({ dispute }: { dispute: Dispute }) {
  const reason = DISPUTE_REASONS.find((r) => r.value === dispute.reason)?.label ?? enumLabel(dispute.reason);
  return (
    <section className="dispute-status" aria-label="Dispute">
      <p>
        <Badge tone={DISPUTE_TONE[dispute.status]}>{`Dispute ${enumLabel(dispute.status).toLowerCase()}`}</Badge>
      </p>
      <dl className="dispute-status__facts">
        <div>
          <dt>Reason</dt>
          <dd>{reason}</dd>
        </div>
        {dispute.evidence ? (
          <div>
            <dt>Your evidence</dt>
            <dd>{dispute.evidence}</dd>
          </div>
        ) : null}
        {dispute.remedy ? (
          <div>
            <dt>Remedy</dt>
            <dd>
              {remedyLabel(dispute.remedy)}
              {dispute.replacement ? <span className="muted"> · replacement purchase {dispute.replacement.id}</span> : null}
            </dd>
          </div>
        ) : null}
        {dispute.refund ? (
          <div>
            <dt>Refund</dt>
            <dd>
              <strong aria-label="Refund amount">{formatMoney(dispute.refund)}</strong>
            </dd>
          </div>
        ) : null}
        {dispute.note ? (
          <div>
            <dt>Note</dt>
            <dd>{dispute.note}</dd>
          </div>
        ) : null}
        {dispute.autoCheck ? (
          <div>
            <dt>Automatic check</dt>
            <dd>{dispute.autoCheck}</dd>
          </div>
        ) : null}
        {dispute.recheck?.length ? (
          <div>
            <dt>Re-check</dt>
            <dd>
              <CheckList checks={dispute.recheck} label="Re-check" />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{dispute.resolvedAt ? 'Decided' : 'Opened'}</dt>
          <dd>{formatDateTime(dispute.resolvedAt ?? dispute.openedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
