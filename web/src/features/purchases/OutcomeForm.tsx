// The CRM outcome of one purchased lead: a select of the allowed next stages and, for LOST, a reason.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { LeadOutcome } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { enumLabel } from '../../lib/enums';
import { ErrorMessage } from '../../lib/ui/feedback';
import { SelectField, TextField } from '../../lib/ui/fields';
import { LOST_REASONS, MAX_REASON_LENGTH, outcomeChanged, outcomeOptions, reasonToSend, validateOutcomeChange, type OutcomeErrors } from './outcome-rules';
import { UpdateLeadOutcomeMutation } from './purchases.operations';

export function OutcomeForm({
  purchaseId,
  outcome: current,
  outcomeReason,
}: {
  purchaseId: string;
  outcome: LeadOutcome;
  outcomeReason: string | null | undefined;
}) {
  const [outcome, setOutcome] = useState<LeadOutcome>(current);
  const [reason, setReason] = useState(outcomeReason ?? '');
  const [errors, setErrors] = useState<OutcomeErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateLeadOutcomeMutation);
  const listId = useId();
  const changed = outcomeChanged(current, outcomeReason, outcome, reason);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const found = validateOutcomeChange(current, outcome, reason);
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await update({ purchaseId, outcome, reason: reasonToSend(outcome, reason) });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      setErrors(placeApiErrors(apiError, ['outcome', 'reason']).byField);
      return;
    }
    setSaved(true);
  };

  return (
    <form className="outcome-form" onSubmit={submit} noValidate aria-label="Lead outcome">
      <SelectField
        label="Outcome"
        name="outcome"
        value={outcome}
        error={errors.outcome}
        onChange={(e) => {
          setOutcome(e.target.value as LeadOutcome);
          setSaved(false);
          setErrors({});
        }}
        options={outcomeOptions(current).map((o) => ({ value: o, label: enumLabel(o) }))}
      />
      {outcome === 'LOST' ? (
        <>
          <TextField
            label="Reason lost"
            name="reason"
            required
            list={listId}
            maxLength={MAX_REASON_LENGTH}
            value={reason}
            error={errors.reason}
            onChange={(e) => {
              setReason(e.target.value);
              setSaved(false);
              setErrors(({ reason: _, ...rest }) => rest);
            }}
          />
          <datalist id={listId}>
            {LOST_REASONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--small" disabled={!changed || state.fetching}>
          {state.fetching ? 'Saving…' : 'Save outcome'}
        </button>
        <span className="muted" role="status">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
      {error && !Object.keys(errors).length ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
