// Operator: the base price per segment (and subsegment override) and geo tier, edited in place.
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { GeoTier, PriceGridQuery as TPriceGrid } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { useSegments, segmentName, subsegmentName, type SegmentInfo } from '../../lib/catalog/use-segments';
import { GEO_TIERS } from '../../lib/enums';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { SelectField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { PriceGridQuery, SetPriceGridMutation } from './operator.operations';
import { cellKey, changedGridEntries, errorsByItem, isDecimal, type GridRowKey } from './pricing-edits';

const TIER_LABEL: Record<GeoTier, string> = { TIER_1: 'Tier 1', TIER_2: 'Tier 2', TIER_3: 'Tier 3' };

export function PriceGridPage() {
  const [grid] = useQuery({ query: PriceGridQuery });
  const { segments, error: segmentsError } = useSegments();
  const entries = grid.data?.priceGrid;
  const error = apiErrorFromGraphql(grid.error);
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <Page
      title="Price grid"
      intro="Base price of a lead per segment and geo tier, before temperature, exclusivity, verification and freshness factors. Subsegment rows override their segment."
      wide
    >
      <ErrorMessage error={segmentsError} title="Segments could not be loaded" />
      {saved !== null ? (
        <SuccessMessage>
          Saved {saved} price{saved === 1 ? '' : 's'}. Listed leads are being repriced.
        </SuccessMessage>
      ) : null}
      {!entries ? (
        error ? (
          <ErrorMessage error={error} title="The price grid could not be loaded" />
        ) : (
          <Loading label="Loading the price grid…" />
        )
      ) : entries.length === 0 && segments.length === 0 ? (
        <EmptyState title="The price grid is empty." />
      ) : (
        // remount with fresh drafts whenever the saved grid changes
        <GridEditor key={JSON.stringify(entries)} entries={entries} segments={segments} onSaved={setSaved} />
      )}
    </Page>
  );
}

type Entry = TPriceGrid['priceGrid'][number];

interface GridEditorProps {
  entries: Entry[];
  segments: readonly SegmentInfo[];
  onSaved: (count: number) => void;
}

function GridEditor({ entries, segments, onSaved }: GridEditorProps) {
  const saved = useMemo(() => Object.fromEntries(entries.map((e) => [cellKey(e.segment, e.subsegment, e.geoTier), e.baseAmount.amount])), [entries]);
  const currency = entries[0]?.baseAmount.currencyCode ?? '';
  const [draft, setDraft] = useState<Record<string, string>>(saved);
  const [extraRows, setExtraRows] = useState<GridRowKey[]>([]);
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [other, setOther] = useState<string[]>([]);
  const [saving, setPriceGrid] = useMutation(SetPriceGridMutation);
  const [newRow, setNewRow] = useState('');

  const rows = useMemo(() => {
    const keys = new Map<string, GridRowKey>();
    for (const s of segments) keys.set(`${s.code}|`, { segment: s.code, subsegment: null });
    for (const e of entries) keys.set(`${e.segment}|${e.subsegment ?? ''}`, { segment: e.segment, subsegment: e.subsegment });
    for (const r of extraRows) keys.set(`${r.segment}|${r.subsegment ?? ''}`, r);
    return [...keys.values()].sort((a, b) => a.segment.localeCompare(b.segment) || (a.subsegment ?? '').localeCompare(b.subsegment ?? ''));
  }, [segments, entries, extraRows]);

  const missingSubsegments = segments.flatMap((s) =>
    s.subsegments
      .filter((sub) => !rows.some((r) => r.segment === s.code && r.subsegment === sub.code))
      .map((sub) => ({ value: `${s.code}|${sub.code}`, label: `${s.name} · ${sub.name}` })),
  );

  const changed = changedGridEntries(draft, saved);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setOther([]);
    const invalid = Object.fromEntries(changed.filter((c) => !isDecimal(c.entry.baseAmount)).map((c) => [c.key, 'An amount like 25.00.']));
    setCellErrors(invalid);
    if (Object.keys(invalid).length || !changed.length) return;
    const res = await setPriceGrid({ input: changed.map((c) => c.entry) }, { additionalTypenames: ['PriceGridEntry'] });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      const placed = errorsByItem(
        apiError,
        changed.map((c) => c.key),
      );
      setError(apiError);
      setCellErrors(placed.byKey);
      setOther(placed.other);
      return;
    }
    onSaved(changed.length);
  };

  return (
    <form className="form" onSubmit={save} noValidate aria-label="Price grid">
      <ErrorMessage error={error} title="The grid was not saved" details={other} />
      <div className="table-wrap">
        <table className="table table--grid">
          <caption>Base prices{currency ? ` (${currency})` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {GEO_TIERS.map((t) => (
                <th scope="col" key={t}>
                  {TIER_LABEL[t]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const rowName = r.subsegment
                ? `${segmentName(segments, r.segment)} · ${subsegmentName(segments, r.segment, r.subsegment)}`
                : segmentName(segments, r.segment);
              return (
                <tr key={`${r.segment}|${r.subsegment ?? ''}`} className={r.subsegment ? 'table__sub' : undefined}>
                  <th scope="row">{rowName}</th>
                  {GEO_TIERS.map((tier) => {
                    const key = cellKey(r.segment, r.subsegment, tier);
                    const id = `grid-${key.replace(/\|/g, '-')}`;
                    const cellError = cellErrors[key];
                    return (
                      <td key={tier}>
                        <label htmlFor={id} className="visually-hidden">{`${rowName}, ${TIER_LABEL[tier]} base price`}</label>
                        <input
                          id={id}
                          className={`cell-input${draft[key] !== undefined && (draft[key] ?? '') !== (saved[key] ?? '') ? ' cell-input--changed' : ''}`}
                          inputMode="decimal"
                          value={draft[key] ?? ''}
                          placeholder={r.subsegment ? 'segment price' : '—'}
                          aria-invalid={cellError ? true : undefined}
                          aria-describedby={cellError ? `${id}-error` : undefined}
                          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                        />
                        {cellError ? (
                          <p id={`${id}-error`} className="field__error">
                            {cellError}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving.fetching || !changed.length}>
          {saving.fetching ? 'Saving…' : changed.length ? `Save ${changed.length} change${changed.length === 1 ? '' : 's'}` : 'No changes'}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={!changed.length}
          onClick={() => {
            setDraft(saved);
            setCellErrors({});
          }}
        >
          Discard changes
        </button>
      </div>
      {missingSubsegments.length ? (
        <div className="form-inline-group">
          <SelectField
            label="Add a subsegment override"
            value={newRow}
            onChange={(e) => setNewRow(e.target.value)}
            options={[{ value: '', label: 'Choose a subsegment…' }, ...missingSubsegments]}
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={!newRow}
            onClick={() => {
              const [segment, subsegment] = newRow.split('|') as [string, string];
              setExtraRows([...extraRows, { segment, subsegment }]);
              setNewRow('');
            }}
          >
            Add row
          </button>
        </div>
      ) : null}
    </form>
  );
}
