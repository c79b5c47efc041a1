// The operator's decision on one open dispute: Accept (empty amount = full refund, or a partial amount)
// or Reject (a note is required: the buyer reads it).
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import type { DisputeDecision } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { formatMoney } from '../../lib/format';
import { usePlatform } from '../../lib/platform';
import { ErrorMessage } from '../../lib/ui/feedback';
import { TextAreaField, TextField } from '../../lib/ui/fields';
import { ResolveDisputeMutation } from './quality.operations';
import { MAX_NOTE_LENGTH, resolutionVariables, validateResolution, type ResolutionDraft, type ResolutionErrors } from './resolve-rules';

export interface DecidableDispute {
  id: string;
  purchase: { price: { amount: string; currencyCode: string } };
}

export function DisputeDecisionForm({ dispute, onDecided }: { dispute: DecidableDispute; onDecided: (message: string) => void }) {
  const [draft, setDraft] = useState<ResolutionDraft>({ refundAmount: '', note: '' });
  const [errors, setErrors] = useState<ResolutionErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [details, setDetails] = useState<string[]>([]);
  const [state, resolve] = useMutation(ResolveDisputeMutation);
  const titleId = useId();
  const price = dispute.purchase.price;
  const digits = usePlatform().minorUnitDigits;

  const decide = async (decision: DisputeDecision) => {
    setError(null);
    setDetails([]);
    const found = validateResolution(decision, draft, price, digits);
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await resolve(resolutionVariables(dispute.id, decision, draft), { additionalTypenames: ['Dispute'] });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      const placed = placeApiErrors(apiError, ['refundAmount', 'note']);
      setError(apiError);
      setErrors(placed.byField);
      setDetails(placed.unplaced);
      return;
    }
    const done = res.data.resolveDispute;
    onDecided(
      done.status === 'ACCEPTED'
        ? `Dispute ${done.id} accepted: a refund of ${formatMoney(done.refund)} is on its way to the buyer.`
        : `Dispute ${done.id} rejected.`,
    );
  };

  const set = (field: keyof ResolutionDraft) => (e: { target: { value: string } }) => {
    setDraft({ ...draft, [field]: e.target.value });
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  return (
    <form
      className="form decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        void decide('ACCEPT');
      }}
      noValidate
      aria-labelledby={titleId}
    >
      <h4 id={titleId} className="decision-form__title">
        Decision
      </h4>
      <ErrorMessage error={error} title="The decision was not saved" details={details} />
      <TextField
        label="Refund amount"
        name="refundAmount"
        inputMode="decimal"
        placeholder={price.amount}
        value={draft.refundAmount}
        onChange={set('refundAmount')}
        hint={`Empty: the full ${formatMoney(price)}. A smaller amount refunds part of it.`}
        error={errors.refundAmount}
      />
      <TextAreaField
        label="Note"
        name="note"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={draft.note}
        onChange={set('note')}
        hint="The buyer sees it. Required to reject."
        error={errors.note}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={state.fetching}>
          Accept
        </button>
        <button type="button" className="button button--danger" disabled={state.fetching} onClick={() => void decide('REJECT')}>
          Reject
        </button>
      </div>
    </form>
  );
}
