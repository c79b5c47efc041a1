// The bulk CRM update: one outcome for the selected purchases (at most 100), all or nothing (updateLeadOutcomes).
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { LeadOutcome } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { enumLabel } from '../../lib/enums';
import { ErrorMessage, SuccessMessage } from '../../lib/ui/feedback';
import { SelectField, TextField } from '../../lib/ui/fields';
import { LEAD_OUTCOMES, MAX_REASON_LENGTH } from './outcome-rules';
import { UpdateLeadOutcomesMutation } from './purchases.operations';

export const MAX_BULK = 100;

export function BulkOutcomeBar({ selected, onDone }: { selected: readonly string[]; onDone: () => void }) {
  const [outcome, setOutcome] = useState<LeadOutcome>('CONTACTED');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [state, update] = useMutation(UpdateLeadOutcomesMutation);
  const n = selected.length;
  if (!n && !saved) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    if (outcome === 'LOST' && !reason.trim()) return setReasonError('Say why these leads were lost.');
    if (reason.trim().length > MAX_REASON_LENGTH) return setReasonError(`At most ${MAX_REASON_LENGTH} characters.`);
    setReasonError(null);
    const res = await update({ purchaseIds: [...selected], outcome, reason: outcome === 'LOST' ? reason.trim() : null }, { additionalTypenames: ['Purchase'] });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setReasonError(placeApiErrors(apiError, ['reason']).byField.reason ?? null);
      return setError(apiError);
    }
    setSaved(`${n} ${n === 1 ? 'purchase' : 'purchases'} marked ${enumLabel(outcome).toLowerCase()}.`);
    onDone();
  };

  return (
    <section className="bulk-bar" aria-label="Bulk outcome">
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      {n ? (
        <form className="bulk-bar__form" onSubmit={submit} noValidate aria-label="Set the outcome of the selected purchases">
          <p className="bulk-bar__count" role="status">
            {n} selected{n > MAX_BULK ? ` (at most ${MAX_BULK} at once)` : ''}
          </p>
          <SelectField
            label="Outcome"
            name="bulkOutcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as LeadOutcome)}
            options={LEAD_OUTCOMES.map((o) => ({ value: o, label: enumLabel(o) }))}
          />
          {outcome === 'LOST' ? (
            <TextField label="Why lost" name="bulkReason" value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} />
          ) : null}
          <button type="submit" className="button" disabled={state.fetching || n > MAX_BULK}>
            {state.fetching ? 'Saving…' : `Set outcome for ${n}`}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={error} title="Nothing was changed" />
    </section>
  );
}
