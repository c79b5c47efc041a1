// Disputing a purchased lead: a reason and evidence, sent with one idempotency key per form, so a
// retried submit never opens a second dispute.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { DisputeFieldsFragment, DisputeReason } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { ErrorMessage } from '../../lib/ui/feedback';
import { SelectField, TextAreaField } from '../../lib/ui/fields';
import { DISPUTE_REASONS, MAX_EVIDENCE_LENGTH, validateDispute, type DisputeDraft, type DisputeErrors } from './dispute-rules';
import { OpenDisputeMutation } from './purchases.operations';

export interface DisputeFormProps {
  purchaseId: string;
  /** e.g. "Nov 26, 2026, 10:00 AM": shown so the buyer knows how long they have */
  deadlineText: string;
  onOpened: (dispute: DisputeFieldsFragment) => void;
  onCancel: () => void;
  newKey?: () => string;
}

export function DisputeForm({ purchaseId, deadlineText, onOpened, onCancel, newKey = newIdempotencyKey }: DisputeFormProps) {
  const [draft, setDraft] = useState<DisputeDraft>({ reason: '', evidence: '' });
  const [errors, setErrors] = useState<DisputeErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [details, setDetails] = useState<string[]>([]);
  const [idempotencyKey] = useState(newKey);
  const [state, openDispute] = useMutation(OpenDisputeMutation);
  const titleId = useId();
  const hint = DISPUTE_REASONS.find((r) => r.value === draft.reason)?.hint;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDetails([]);
    const found = validateDispute(draft);
    setErrors(found);
    if (Object.keys(found).length || !draft.reason) return;
    const res = await openDispute({ input: { purchaseId, reason: draft.reason, evidence: draft.evidence.trim() || null }, idempotencyKey });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      const placed = placeApiErrors(apiError, ['reason', 'evidence']);
      setError(apiError);
      setErrors(placed.byField);
      setDetails(placed.unplaced);
      return;
    }
    onOpened(res.data.openDispute);
  };

  return (
    <form className="form dispute-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className="dispute-form__title">
        Dispute this lead
      </h4>
      <p className="field__hint">Open until {deadlineText}. An accepted dispute refunds the price to your card.</p>
      <ErrorMessage error={error} title="The dispute was not opened" details={details} />
      <SelectField
        label="Reason"
        name="reason"
        required
        value={draft.reason}
        onChange={(e) => {
          setDraft({ ...draft, reason: e.target.value as DisputeReason | '' });
          setErrors(({ reason: _, ...rest }) => rest);
        }}
        options={[{ value: '', label: 'Choose…' }, ...DISPUTE_REASONS.map((r) => ({ value: r.value, label: r.label }))]}
        hint={hint}
        error={errors.reason}
      />
      <TextAreaField
        label="Evidence"
        name="evidence"
        rows={3}
        maxLength={MAX_EVIDENCE_LENGTH}
        required={draft.reason === 'OTHER'}
        value={draft.evidence}
        onChange={(e) => {
          setDraft({ ...draft, evidence: e.target.value });
          setErrors(({ evidence: _, ...rest }) => rest);
        }}
        hint="What you found: when you called, what the person said."
        error={errors.evidence}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {state.fetching ? 'Opening…' : 'Open dispute'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
