// Seller: the returns (disputes) of the organization's leads, newest first: the buyer's reason and evidence,
// the remedy asked, and the seller's answer. While a return is open the seller can answer (or change its
// answer) with evidence; the operator reads it before deciding.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DisputeStatus, SellerDisputesQuery as TSellerDisputes } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { useSegments, segmentName } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { DISPUTE_STATUS_WORDS } from '../../lib/words';
import { formatDateTime, formatMoney } from '../../lib/format';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { TextAreaField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { DISPUTE_REASONS, MAX_EVIDENCE_LENGTH, remedyLabel } from '../purchases/dispute-rules';
import { RespondToDisputeMutation, SellerDisputesQuery } from './seller.operations';

type Return = TSellerDisputes['disputes']['edges'][number]['node'];
const STATUS_TONE: Record<DisputeStatus, BadgeTone> = { OPEN: 'info', ACCEPTED: 'bad', REJECTED: 'good' };
const RETURNS_CONTEXT = { additionalTypenames: ['Dispute'] };
const SHOWN = 50;

export function ReturnsPage() {
  const [result, reexecute] = useQuery({ query: SellerDisputesQuery, variables: { first: SHOWN }, context: RETURNS_CONTEXT });
  const connection = result.data?.disputes;
  const error = apiErrorFromGraphql(result.error);
  return (
    <Page title="Returns" wide intro="Buyers’ returns of your leads. Answer an open return with what you know; an operator reads it before deciding.">
      {!connection ? (
        error ? (
          <div>
            <ErrorMessage error={error} title="Returns could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </div>
        ) : (
          <Loading label="Loading returns…" />
        )
      ) : connection.edges.length === 0 ? (
        <EmptyState title="No returns of your leads." />
      ) : (
        <>
          {connection.totalCount > connection.edges.length ? (
            <p className="muted">
              Showing your latest {connection.edges.length} of {connection.totalCount} returns.
            </p>
          ) : null}
          <ul className="listing-list" aria-label="Returns">
            {connection.edges.map((e) => (
              <li key={e.node.id}>
                <ReturnCard item={e.node} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function ReturnCard({ item }: { item: Return }) {
  const { segments } = useSegments();
  const lead = item.purchase.lead;
  const reason = DISPUTE_REASONS.find((r) => r.value === item.reason)?.label ?? enumLabel(item.reason);
  return (
    <article className="listing dispute" aria-label={`Return ${item.id}`}>
      <div className="listing__main">
        <h3 className="listing__title">
          {reason} <Badge tone={STATUS_TONE[item.status]}>{DISPUTE_STATUS_WORDS[item.status]}</Badge>
        </h3>
        <p className="muted">
          {segmentName(segments, lead.segment)} · {[lead.city, lead.region, lead.country].filter(Boolean).join(', ')} · sold{' '}
          {formatDateTime(item.purchase.purchasedAt)} for {formatMoney(item.purchase.price)} · returned {formatDateTime(item.openedAt)}
        </p>
        <dl className="contact">
          <div>
            <dt>Buyer&rsquo;s evidence</dt>
            <dd>{item.evidence ? <q>{item.evidence}</q> : <span className="muted">none given</span>}</dd>
          </div>
          <div>
            <dt>Remedy</dt>
            <dd>{remedyLabel(item.remedy)}</dd>
          </div>
          {item.autoCheck ? (
            <div>
              <dt>Automatic check</dt>
              <dd>{item.autoCheck}</dd>
            </div>
          ) : null}
          {item.resolvedAt ? (
            <div>
              <dt>Decided</dt>
              <dd>{formatDateTime(item.resolvedAt)}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="listing__side dispute__side">
        {item.status === 'OPEN' ? (
          <AnswerForm item={item} />
        ) : item.sellerResponse ? (
          <p>
            Your answer: <q>{item.sellerResponse}</q>
          </p>
        ) : (
          <p className="muted">You did not answer.</p>
        )}
      </div>
    </article>
  );
}

function AnswerForm({ item }: { item: Return }) {
  const [evidence, setEvidence] = useState(item.sellerResponse ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [state, respond] = useMutation(RespondToDisputeMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const text = evidence.trim();
    if (!text) return setFieldError('Say what you found: the consent, a call, the person’s answer.');
    setFieldError(undefined);
    const res = await respond({ id: item.id, evidence: text });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      setError(apiError);
      setFieldError(placeApiErrors(apiError, ['evidence']).byField.evidence);
      return;
    }
    setSaved(true);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Answer return ${item.id}`}>
      <ErrorMessage error={error} title="The answer was not saved" />
      {saved ? <SuccessMessage>Answer saved. You can change it until the return is decided.</SuccessMessage> : null}
      <TextAreaField
        label="Your answer"
        name="evidence"
        rows={3}
        maxLength={MAX_EVIDENCE_LENGTH}
        value={evidence}
        onChange={(e) => {
          setEvidence(e.target.value);
          setFieldError(undefined);
        }}
        hint={
          item.sellerRespondedAt
            ? `Last answered ${formatDateTime(item.sellerRespondedAt)}`
            : 'Evidence for the operator: consent, calls, what the person said.'
        }
        error={fieldError}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {state.fetching ? 'Saving…' : item.sellerResponse ? 'Change answer' : 'Send answer'}
        </button>
      </div>
    </form>
  );
}
