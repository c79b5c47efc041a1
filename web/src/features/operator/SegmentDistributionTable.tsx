// Operator: how the exchange distributes each segment's leads among campaigns (auction, priority, round robin,
// weighted) and the platform's margin on campaign sales (none, a fixed amount, or a percentage of the buyer price).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DistributionMethod, MarginKind, SegmentDistributionQuery as TDistribution } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { formatAmount, parseAmount } from '../../lib/money';
import { usePlatform } from '../../lib/platform';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { percentToRate, rateToPercent } from './pricing-edits';
import { SegmentDistributionQuery, SetSegmentDistributionMutation } from './quality.operations';
import { TableWrap } from '../../lib/ui/table-wrap';

type Segment = TDistribution['segments'][number];

const METHODS: { value: DistributionMethod; label: string }[] = [
  { value: 'AUCTION', label: 'Auction (second price)' },
  { value: 'PRIORITY', label: 'Priority tiers' },
  { value: 'ROUND_ROBIN', label: 'Round robin' },
  { value: 'WEIGHTED', label: 'Weighted draw' },
];
const KINDS: { value: MarginKind; label: string }[] = [
  { value: 'NONE', label: 'No margin' },
  { value: 'FIXED', label: 'Fixed amount' },
  { value: 'PERCENT', label: 'Percentage' },
];

const marginText = (s: Segment) =>
  s.margin.kind === 'FIXED' ? (s.margin.amount?.amount ?? '') : s.margin.kind === 'PERCENT' ? rateToPercent(s.margin.rate ?? '0') : '';

export function DistributionTable() {
  const [result, reexecute] = useQuery({ query: SegmentDistributionQuery });
  const segments = result.data?.segments;
  const error = apiErrorFromGraphql(result.error);
  if (!segments) {
    return error ? (
      <div>
        <ErrorMessage error={error} title="Segments could not be loaded" />
        <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      </div>
    ) : (
      <Loading label="Loading segments…" />
    );
  }
  return (
    <TableWrap label="Exchange distribution per segment">
      <p className="muted">
        Priority, round robin and weighted use each campaign&apos;s priority and weight; round robin and weighted charge the winner its own bid. The margin is
        carved from the buyer&apos;s price before the commission; the seller&apos;s net is computed on the rest.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Distribution</th>
            <th scope="col">Margin</th>
            <th scope="col">Amount or %</th>
            <th scope="col">
              <span className="visually-hidden">Save</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <DistributionRow key={s.code} segment={s} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DistributionRow({ segment }: { segment: Segment }) {
  const digits = usePlatform().minorUnitDigits;
  const [method, setMethod] = useState<DistributionMethod>(segment.distributionMethod);
  const [kind, setKind] = useState<MarginKind>(segment.margin.kind);
  const [value, setValue] = useState(() => marginText(segment));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [state, save] = useMutation(SetSegmentDistributionMutation);
  const id = `distribution-${segment.code}`;
  const dirty = method !== segment.distributionMethod || kind !== segment.margin.kind || value.trim() !== marginText(segment);
  const changed = () => setStatus(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setStatus(null);
    let margin: { kind: MarginKind; amount?: string; rate?: string } = { kind };
    if (kind === 'PERCENT') {
      const rate = percentToRate(value);
      if (rate === null) return setFieldError('A percentage from 0 to 100, at most 2 decimals.');
      margin = { kind, rate };
    }
    if (kind === 'FIXED') {
      const minor = parseAmount(value.trim(), digits);
      if (minor === null || minor < 0) return setFieldError(`An amount like ${formatAmount(250, digits)}, ${digits} decimals at most.`);
      margin = { kind, amount: formatAmount(minor, digits) };
    }
    setFieldError(null);
    const res = await save({ segment: segment.code, distributionMethod: method, margin });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      const placed = placeApiErrors(apiError, ['margin.amount', 'margin.rate']).byField;
      setFieldError(placed['margin.amount'] ?? placed['margin.rate'] ?? null);
      return;
    }
    setStatus('Saved.');
  };

  return (
    <tr>
      <th scope="row">{segment.name}</th>
      <td>
        <label htmlFor={`${id}-method`} className="visually-hidden">{`Distribution method for ${segment.name}`}</label>
        <select
          id={`${id}-method`}
          form={id}
          value={method}
          onChange={(e) => {
            setMethod(e.target.value as DistributionMethod);
            changed();
          }}
        >
          {METHODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label htmlFor={`${id}-kind`} className="visually-hidden">{`Margin for ${segment.name}`}</label>
        <select
          id={`${id}-kind`}
          form={id}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as MarginKind);
            setValue('');
            setFieldError(null);
            changed();
          }}
        >
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label htmlFor={`${id}-value`} className="visually-hidden">{`Margin amount or percentage for ${segment.name}`}</label>
        <span className="inline-form">
          <input
            id={`${id}-value`}
            form={id}
            className="cell-input"
            inputMode="decimal"
            disabled={kind === 'NONE'}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              changed();
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-error` : undefined}
          />
          {kind === 'PERCENT' ? <span aria-hidden="true">%</span> : null}
        </span>
        {fieldError ? (
          <p id={`${id}-error`} className="field__error">
            {fieldError}
          </p>
        ) : null}
      </td>
      <td>
        <form id={id} className="inline-form" onSubmit={submit} noValidate aria-label={`Distribution for ${segment.name}`}>
          <button type="submit" className="button button--small" disabled={state.fetching || !dirty} aria-label={`Save distribution for ${segment.name}`}>
            {state.fetching ? 'Saving…' : 'Save'}
          </button>
          <span className="muted" role="status">
            {status}
          </span>
        </form>
        <ErrorMessage error={error && !fieldError ? error : null} />
      </td>
    </tr>
  );
}
