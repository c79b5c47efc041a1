// Operator: the platform's commission per segment (a fraction of each sale), edited as a percentage.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { apiErrorFromGraphql, placeApiErrors } from '../../lib/api-errors';
import { useSegments, type SegmentInfo } from '../../lib/catalog/use-segments';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { SetCommissionRateMutation } from './operator.operations';
import { percentToRate, rateToPercent } from './pricing-edits';

export function CommissionPage() {
  const { segments, fetching, error } = useSegments();
  return (
    <Page title="Commission" intro="The share of each sale the platform keeps: commission = round(price × rate), seller net = price − commission.">
      {fetching ? (
        <Loading label="Loading segments…" />
      ) : error ? (
        <ErrorMessage error={error} title="Segments could not be loaded" />
      ) : segments.length === 0 ? (
        <EmptyState title="No segments yet." />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Return window</th>
                <th scope="col">Shelf life</th>
                <th scope="col">Commission</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <CommissionRow key={s.code} segment={s} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function CommissionRow({ segment }: { segment: SegmentInfo }) {
  const [value, setValue] = useState(() => rateToPercent(segment.commissionRate));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setCommissionRate] = useMutation(SetCommissionRateMutation);
  const id = `commission-${segment.code}`;
  const dirty = value.trim() !== rateToPercent(segment.commissionRate);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    const rate = percentToRate(value);
    if (rate === null) return setFieldError('A percentage from 0 to 100, at most 2 decimals.');
    setFieldError(null);
    const res = await setCommissionRate({ segment: segment.code, rate }, { additionalTypenames: ['Segment'] });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setFieldError(placeApiErrors(apiError, ['rate']).byField.rate ?? apiError.message);
      return;
    }
    setStatus('Saved.');
  };

  return (
    <tr>
      <th scope="row">{segment.name}</th>
      <td>{segment.returnWindowHours} h</td>
      <td>{segment.ttlDays} days</td>
      <td>
        <form className="inline-form" onSubmit={save} noValidate aria-label={`Commission for ${segment.name}`}>
          <label htmlFor={id} className="visually-hidden">{`Commission for ${segment.name} (%)`}</label>
          <input
            id={id}
            className="cell-input"
            inputMode="decimal"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setStatus(null);
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-error` : undefined}
          />
          <span aria-hidden="true">%</span>
          <button type="submit" className="button button--small" disabled={saving.fetching || !dirty} aria-label={`Save commission for ${segment.name}`}>
            {saving.fetching ? 'Saving…' : 'Save'}
          </button>
          <span className="muted" role="status">
            {status}
          </span>
          {fieldError ? (
            <p id={`${id}-error`} className="field__error">
              {fieldError}
            </p>
          ) : null}
        </form>
      </td>
    </tr>
  );
}
