// Disputing a purchased lead: a reason, evidence and (where the return policy offers a choice) the remedy,
// sent with one idempotency key per form, so a retried submit never opens a second dispute. Given the lead's
// segment, the form reads the buyer's return policy and offers only the reasons and remedies it allows.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DisputeFieldsFragment, DisputeReason, ReturnRemedy } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { ErrorMessage } from '../../lib/ui/feedback';
import { SelectField, TextAreaField } from '../../lib/ui/fields';
import {
  DISPUTE_REASONS,
  MAX_EVIDENCE_LENGTH,
  RETURN_REMEDIES,
  initialRemedy,
  offeredReasons,
  validateDispute,
  type DisputeDraft,
  type DisputeErrors,
} from './dispute-rules';
import { OpenDisputeMutation, ReturnPolicyQuery } from './purchases.operations';

export interface DisputeFormProps {
  purchaseId: string;
  /** e.g. "Nov 26, 2026, 10:00 AM": shown so the buyer knows how long they have */
  deadlineText: string;
  onOpened: (dispute: DisputeFieldsFragment) => void;
  onCancel: () => void;
  newKey?: () => string;
  /** the lead's segment: its return policy decides the reasons and remedies offered */
  segment?: string;
}

export function DisputeForm({ purchaseId, deadlineText, onOpened, onCancel, newKey = newIdempotencyKey, segment }: DisputeFormProps) {
  const [policyResult] = useQuery({ query: ReturnPolicyQuery, variables: { segment: segment ?? '' }, pause: !segment });
  const policy = policyResult.data?.returnPolicy ?? null;
  const reasons = offeredReasons(policy?.allowedReasons);
  const remedies = policy ? RETURN_REMEDIES.filter((r) => policy.allowedRemedies.includes(r.value)) : [];
  const [chosenRemedy, setChosenRemedy] = useState<ReturnRemedy | null>(null);
  const remedy = chosenRemedy ?? (policy ? initialRemedy(policy.allowedRemedies) : null);
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
    const input = { purchaseId, reason: draft.reason, evidence: draft.evidence.trim() || null, ...(remedy ? { remedy } : {}) };
    const res = await openDispute({ input, idempotencyKey });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      const placed = placeApiErrors(apiError, ['reason', 'evidence', 'remedy']);
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
      <p className="field__hint">
        Open until {deadlineText}. {remedies.length > 1 ? 'Choose what you get if it is accepted.' : 'An accepted dispute refunds the price the way you paid.'}
      </p>
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
        options={[{ value: '', label: 'Choose…' }, ...reasons.map((r) => ({ value: r.value, label: r.label }))]}
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
      {remedies.length > 1 && remedy ? (
        <SelectField
          label="Remedy"
          name="remedy"
          value={remedy}
          onChange={(e) => setChosenRemedy(e.target.value as ReturnRemedy)}
          options={remedies.map((r) => ({ value: r.value, label: r.label }))}
          hint={RETURN_REMEDIES.find((r) => r.value === remedy)?.hint}
          error={errors.remedy}
        />
      ) : null}
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
