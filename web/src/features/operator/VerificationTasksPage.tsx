// Operator: manual spot-check tasks. Call the sampled person and record what the call found; the last
// task of a batch decides the batch (its leads are listed, discounted or rejected per segment policy).
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { CallOutcome, VerificationTaskPageQuery as TTasks } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { useSegments, segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { formatAge, formatDateTime } from '../../lib/format';
import { Badge, qualityTone } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { SelectField, TextAreaField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { Pager, SearchBox, useTableParams } from '../../lib/ui/table-controls';
import { VerificationTaskPageQuery } from './operator-tables.operations';
import { RecordVerificationOutcomeMutation } from './quality.operations';

type Task = TTasks['verificationTaskPage']['items'][number];
const TASKS_PER_PAGE = 20;

export const CALL_OUTCOMES: readonly { value: CallOutcome; label: string }[] = [
  { value: 'REACHABLE', label: 'Reachable: confirmed the request' },
  { value: 'WRONG_NUMBER', label: 'Wrong number (fails the sample)' },
  { value: 'NOT_INTERESTED', label: 'Never asked to be contacted (fails the sample)' },
  { value: 'NO_ANSWER', label: 'No answer (proves nothing)' },
];

const TASK_CONTEXT = { additionalTypenames: ['VerificationTask'] };

export function VerificationTasksPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'DONE' ? 'DONE' : 'OPEN';
  const table = useTableParams(TASKS_PER_PAGE);
  const [result, reexecute] = useQuery({
    query: VerificationTaskPageQuery,
    variables: { status, search: table.search || null, first: table.first, offset: table.offset },
    context: TASK_CONTEXT,
  });
  const { segments } = useSegments();
  const [verdict, setVerdict] = useState<string | null>(null);
  const tasks = result.data?.verificationTaskPage.items;
  const totalCount = result.data?.verificationTaskPage.totalCount ?? 0;
  const error = apiErrorFromGraphql(result.error);

  return (
    <Page title="Spot-check calls" wide intro="Leads sampled from batches in segments checked by hand. Call each person and record the outcome.">
      <div className="toolbar">
        <SelectField
          label="Tasks"
          name="status"
          value={status}
          onChange={(e) => {
            setVerdict(null);
            const next = new URLSearchParams(params);
            next.delete('page');
            if (e.target.value === 'DONE') next.set('status', 'DONE');
            else next.delete('status');
            setParams(next);
          }}
          options={[
            { value: 'OPEN', label: 'To call' },
            { value: 'DONE', label: 'Done' },
          ]}
        />
        <SearchBox label="Search tasks" hint="Seller, segment, place, or a lead, batch or task id" value={table.search} onSearch={table.setSearch} />
      </div>
      {verdict ? <SuccessMessage>{verdict}</SuccessMessage> : null}
      {!tasks ? (
        error ? (
          <div>
            <ErrorMessage error={error} title="Tasks could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </div>
        ) : (
          <Loading label="Loading tasks…" />
        )
      ) : tasks.length === 0 ? (
        <EmptyState title={table.search ? `No task matches “${table.search}”.` : status === 'OPEN' ? 'No calls to make.' : 'No finished tasks yet.'}>
          Tasks appear when a segment uses the manual provider.
        </EmptyState>
      ) : (
        <ul className="listing-list" aria-label="Tasks">
          {tasks.map((t) => (
            <li key={t.id}>
              <TaskCard task={t} segments={segments} onVerdict={setVerdict} />
            </li>
          ))}
        </ul>
      )}
      {tasks ? <Pager label="Tasks" page={table.page} first={table.first} totalCount={totalCount} onPage={table.setPage} /> : null}
    </Page>
  );
}

function TaskCard({ task, segments, onVerdict }: { task: Task; segments: readonly SegmentInfo[]; onVerdict: (m: string) => void }) {
  const { lead } = task;
  const sub = subsegmentName(segments, lead.segment, lead.subsegment);
  const who = lead.contact?.fullName ?? lead.id;
  return (
    <article className="listing" aria-label={`Call ${who}`}>
      <div className="listing__main">
        <h3 className="listing__title">{who}</h3>
        {lead.contact ? (
          <dl className="contact" aria-label="Contact">
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
            {lead.contact.preferredContactTime ? (
              <div>
                <dt>Best time</dt>
                <dd>{lead.contact.preferredContactTime}</dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="muted">The contact data was erased.</p>
        )}
        <p className="muted">
          {segmentName(segments, lead.segment)}
          {sub ? ` · ${sub}` : ''} · {[lead.city, lead.region, lead.country].filter(Boolean).join(', ')} · {enumLabel(lead.kind)} · captured{' '}
          {formatAge(lead.capturedAt)} ago · batch <span className="mono">{task.batchId}</span> · task since {formatDateTime(task.createdAt)}
        </p>
        <p>
          Seller {lead.seller.name} <span className="muted mono">{lead.seller.id}</span>{' '}
          <Badge tone={qualityTone(lead.seller.qualityScore)}>{`Quality ${lead.seller.qualityScore}`}</Badge>
        </p>
      </div>
      <div className="listing__side dispute__side">
        {task.status === 'OPEN' ? (
          <OutcomeRecorder taskId={task.id} who={who} onVerdict={onVerdict} />
        ) : (
          <dl className="dispute-status__facts" aria-label="Outcome">
            <div>
              <dt>Outcome</dt>
              <dd>{task.outcome ? enumLabel(task.outcome) : '—'}</dd>
            </div>
            {task.note ? (
              <div>
                <dt>Note</dt>
                <dd>{task.note}</dd>
              </div>
            ) : null}
            <div>
              <dt>Done</dt>
              <dd>{formatDateTime(task.doneAt)}</dd>
            </div>
          </dl>
        )}
      </div>
    </article>
  );
}

function OutcomeRecorder({ taskId, who, onVerdict }: { taskId: string; who: string; onVerdict: (m: string) => void }) {
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [state, record] = useMutation(RecordVerificationOutcomeMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!outcome) return setErrors({ outcome: 'Choose what the call found.' });
    if (note.trim().length > 1000) return setErrors({ note: 'At most 1000 characters.' });
    setErrors({});
    const res = await record({ taskId, outcome, note: note.trim() || null }, TASK_CONTEXT);
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      setError(apiError);
      setErrors(placeApiErrors(apiError, ['outcome', 'note']).byField);
      return;
    }
    const verdict = res.data.recordVerificationOutcome.batchVerdict;
    onVerdict(`Recorded for ${who}.${verdict ? ` That was the batch’s last call: it is ${verdict.toLowerCase()}.` : ''}`);
  };

  return (
    <form className="form decision-form" onSubmit={submit} noValidate aria-label={`Outcome of the call to ${who}`}>
      <ErrorMessage error={error} title="The outcome was not recorded" />
      <SelectField
        label="Call outcome"
        name="outcome"
        required
        value={outcome}
        error={errors.outcome}
        onChange={(e) => {
          setOutcome(e.target.value as CallOutcome | '');
          setErrors({});
        }}
        options={[{ value: '', label: 'Choose…' }, ...CALL_OUTCOMES]}
      />
      <TextAreaField label="Note" name="note" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {state.fetching ? 'Recording…' : 'Record outcome'}
        </button>
      </div>
    </form>
  );
}
