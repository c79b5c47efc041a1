// Operator: the disputes queue. Each dispute shows the buyer's reason, evidence and chosen remedy, the
// seller's answer, the automatic check, the lead with its contact and verification history, and the decision
// form: accept (the buyer's remedy; a full or partial refund or wallet credit) or reject with a note.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { DisputeStatus, DisputesQueueQuery as TDisputesQueue } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { useSegments, segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel, isOneOf } from '../../lib/enums';
import { formatAge, formatDateTime, formatMoney } from '../../lib/format';
import { usePageCursors } from '../../lib/use-page-cursors';
import { Badge, qualityTone, type BadgeTone } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { SelectField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { SearchBox } from '../../lib/ui/table-controls';
import { DisputeConsent } from './DisputeConsent';
import { DISPUTE_REASONS, remedyLabel } from '../purchases/dispute-rules';
import { DisputeDecisionForm } from './DisputeDecisionForm';
import { DisputeRecheck } from './DisputeRecheck';
import { DisputesQueueQuery } from './quality.operations';

const PAGE_SIZE = 20;
const STATUSES: readonly DisputeStatus[] = ['OPEN', 'ACCEPTED', 'REJECTED'];
const STATUS_TONE: Record<DisputeStatus, BadgeTone> = { OPEN: 'info', ACCEPTED: 'good', REJECTED: 'bad' };
export type QueuedDispute = TDisputesQueue['disputes']['edges'][number]['node'];

export function DisputesQueuePage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'OPEN';
  const status = isOneOf(STATUSES, raw) ? raw : null;
  const search = params.get('q') ?? '';
  const { segments } = useSegments();
  const [decided, setDecided] = useState<string | null>(null);
  return (
    <Page
      title="Disputes"
      wide
      intro="Returns the automatic check could not decide. Accepting gives the buyer the remedy it chose (refund, wallet credit or a replacement lead) and costs the seller quality points; read the seller’s answer first."
    >
      <div className="toolbar">
        <SelectField
          label="Status"
          name="status"
          value={status ?? 'ALL'}
          onChange={(e) => {
            setDecided(null);
            const next = new URLSearchParams(params);
            if (e.target.value === 'OPEN') next.delete('status');
            else next.set('status', e.target.value);
            setParams(next);
          }}
          options={[...STATUSES.map((s) => ({ value: s, label: enumLabel(s) })), { value: 'ALL', label: 'All' }]}
        />
        <SearchBox
          label="Search disputes"
          hint="Seller or buyer name, words of the reason or evidence, a dispute, purchase or lead id"
          value={search}
          onSearch={(q) => {
            setDecided(null);
            const next = new URLSearchParams(params);
            if (q.trim()) next.set('q', q.trim());
            else next.delete('q');
            setParams(next, { replace: true });
          }}
        />
      </div>
      {decided ? <SuccessMessage>{decided}</SuccessMessage> : null}
      <DisputeList key={`${status ?? 'all'}:${search}`} status={status} search={search} segments={segments} onDecided={setDecided} />
    </Page>
  );
}

function DisputeList({
  status,
  search,
  segments,
  onDecided,
}: {
  status: DisputeStatus | null;
  search: string;
  segments: readonly SegmentInfo[];
  onDecided: (message: string) => void;
}) {
  const { cursors, loadMore } = usePageCursors();
  return (
    <div className="results">
      {cursors.map((after, i) => (
        <DisputeChunk
          key={after ?? 'first'}
          status={status}
          search={search}
          after={after}
          isFirst={i === 0}
          isLast={i === cursors.length - 1}
          onLoadMore={loadMore}
          segments={segments}
          onDecided={onDecided}
        />
      ))}
    </div>
  );
}

const DISPUTE_CONTEXT = { additionalTypenames: ['Dispute'] };

function DisputeChunk({
  status,
  search,
  after,
  isFirst,
  isLast,
  onLoadMore,
  segments,
  onDecided,
}: {
  status: DisputeStatus | null;
  search: string;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  onLoadMore: (c: string) => void;
  segments: readonly SegmentInfo[];
  onDecided: (m: string) => void;
}) {
  const [result, reexecute] = useQuery({
    query: DisputesQueueQuery,
    variables: { status, search: search || null, first: PAGE_SIZE, after },
    context: DISPUTE_CONTEXT,
  });
  const connection = result.data?.disputes;
  const error = apiErrorFromGraphql(result.error);
  if (!connection) {
    if (error) {
      return (
        <div>
          <ErrorMessage error={error} title="Disputes could not be loaded" />
          <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </div>
      );
    }
    return <Loading label="Loading disputes…" />;
  }
  return (
    <>
      {isFirst ? (
        <p className="results__count" role="status">
          {connection.totalCount === 1 ? '1 dispute' : `${connection.totalCount} disputes`}
        </p>
      ) : null}
      {isFirst && !connection.edges.length ? (
        <EmptyState title={search ? `No dispute matches “${search}”.` : status === 'OPEN' ? 'No open disputes: the queue is empty.' : 'No disputes here.'} />
      ) : (
        <ul className="listing-list" aria-label={isFirst ? 'Disputes' : 'More disputes'}>
          {connection.edges.map((e) => (
            <li key={e.node.id}>
              <DisputeCard dispute={e.node} segments={segments} onDecided={onDecided} />
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

function DisputeCard({ dispute, segments, onDecided }: { dispute: QueuedDispute; segments: readonly SegmentInfo[]; onDecided: (m: string) => void }) {
  const { purchase } = dispute;
  const lead = purchase.lead;
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);
  const reason = DISPUTE_REASONS.find((r) => r.value === dispute.reason)?.label ?? enumLabel(dispute.reason);
  return (
    <article className="listing dispute" aria-label={`Dispute ${dispute.id}`}>
      <div className="listing__main">
        <h3 className="listing__title">
          {reason} <Badge tone={STATUS_TONE[dispute.status]}>{enumLabel(dispute.status)}</Badge>
        </h3>
        <p className="muted">
          <span className="mono">{dispute.id}</span> · opened {formatDateTime(dispute.openedAt)} ({formatAge(dispute.openedAt)} ago) · bought{' '}
          {formatDateTime(purchase.purchasedAt)} for {formatMoney(purchase.price)}
        </p>
        <dl className="contact">
          <div>
            <dt>Evidence</dt>
            <dd>{dispute.evidence ? <q>{dispute.evidence}</q> : <span className="muted">none given</span>}</dd>
          </div>
          <div>
            <dt>Remedy</dt>
            <dd>
              {remedyLabel(dispute.remedy)}
              {dispute.replacement ? ` · replacement ${dispute.replacement.id} for ${formatMoney(dispute.replacement.price)}` : ''}
            </dd>
          </div>
          <div>
            <dt>Seller&rsquo;s answer</dt>
            <dd>
              {dispute.sellerResponse ? (
                <>
                  <q>{dispute.sellerResponse}</q> <span className="muted">({formatDateTime(dispute.sellerRespondedAt)})</span>
                </>
              ) : (
                <span className="muted">no answer yet</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Automatic check</dt>
            <dd>{dispute.autoCheck ?? <span className="muted">no automatic check recorded</span>}</dd>
          </div>
          <div>
            <dt>Re-check</dt>
            <dd>
              <DisputeRecheck recheck={dispute.recheck} />
            </dd>
          </div>
        </dl>
        <h4>Lead</h4>
        <p>
          {segmentName(segments, lead.segment)}
          {sub ? ` · ${sub}` : ''} · {[lead.city, lead.region, lead.country].filter(Boolean).join(', ')} · {enumLabel(lead.kind)} ·{' '}
          {enumLabel(lead.sourceChannel)} · captured {formatDateTime(lead.capturedAt)} ·{' '}
          <Badge tone={lead.verification === 'VERIFIED' ? 'good' : 'warn'}>{enumLabel(lead.verification)}</Badge>
        </p>
        <p>
          Seller {lead.seller.name} <span className="muted mono">{lead.seller.id}</span>{' '}
          <Badge tone={qualityTone(lead.seller.qualityScore)} title="Seller quality score">{`Quality ${lead.seller.qualityScore}`}</Badge>
        </p>
        {lead.contact ? (
          <dl className="contact" aria-label="Contact">
            <div>
              <dt>Name</dt>
              <dd>{lead.contact.fullName}</dd>
            </div>
            {lead.contact.phone ? (
              <div>
                <dt>Phone</dt>
                <dd>
                  <a href={`tel:${lead.contact.phone}`}>{lead.contact.phone}</a>
                </dd>
              </div>
            ) : null}
            {lead.contact.email ? (
              <div>
                <dt>E-mail</dt>
                <dd>
                  <a href={`mailto:${lead.contact.email}`}>{lead.contact.email}</a>
                </dd>
              </div>
            ) : null}
            {lead.contact.socialUrl ? (
              <div>
                <dt>Social</dt>
                <dd>{lead.contact.socialUrl}</dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="muted">The contact data was erased.</p>
        )}
        {dispute.reason === 'NOT_INTERESTED' ? <DisputeConsent consent={lead.consent} /> : null}
        <Findings findings={lead.findings ?? []} />
      </div>
      <div className="listing__side dispute__side">
        {dispute.status === 'OPEN' ? (
          <DisputeDecisionForm dispute={dispute} onDecided={onDecided} />
        ) : (
          <dl className="dispute-status__facts" aria-label="Decision">
            {dispute.refund ? (
              <div>
                <dt>Refund</dt>
                <dd>{formatMoney(dispute.refund)}</dd>
              </div>
            ) : null}
            {dispute.note ? (
              <div>
                <dt>Note</dt>
                <dd>{dispute.note}</dd>
              </div>
            ) : null}
            <div>
              <dt>Decided</dt>
              <dd>
                {formatDateTime(dispute.resolvedAt)}
                {dispute.autoDecided ? ' (automatically)' : ''}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </article>
  );
}

function Findings({ findings }: { findings: NonNullable<QueuedDispute['purchase']['lead']['findings']> }) {
  return (
    <details className="findings" open={findings.length > 0 && findings.length <= 4}>
      <summary>Verification history ({findings.length})</summary>
      {findings.length ? (
        <ul>
          {findings.map((f, i) => (
            <li key={`${f.code}-${i}`}>
              <Badge tone={f.severity === 'ERROR' ? 'bad' : 'warn'}>{enumLabel(f.stage)}</Badge> <strong>{enumLabel(f.code)}</strong>: {f.message}{' '}
              <span className="muted">({formatDateTime(f.createdAt)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No findings: the lead passed its checks.</p>
      )}
    </details>
  );
}
