// Search, filter and sort of the purchases list. The search applies after a pause in typing; the selects at once.
import { useEffect, useRef, useState } from 'react';
import type { LeadOutcome, PurchaseSort } from '../../gql/graphql';
import type { SegmentInfo } from '../../lib/catalog/use-segments';
import { enumLabel } from '../../lib/enums';
import { SelectField, TextField } from '../../lib/ui/fields';
import { LEAD_OUTCOMES } from './outcome-rules';
import { PURCHASE_SORTS, dateRangeError, type PurchaseListState } from './purchase-filter-state';

const SEARCH_DELAY_MS = 400;

export function PurchaseFilters({
  state,
  segments,
  onChange,
}: {
  state: PurchaseListState;
  segments: readonly SegmentInfo[];
  onChange: (s: PurchaseListState) => void;
}) {
  const [search, setSearch] = useState(state.search);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // the pending search applies to the filters as they are when it fires, not as they were when typing began
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => setSearch(state.search), [state.search]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const typed = (value: string) => {
    setSearch(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ ...latest.current, search: value }), SEARCH_DELAY_MS);
  };
  const rangeError = dateRangeError(state);
  return (
    <form className="purchase-filters" role="search" aria-label="Search purchases" onSubmit={(e) => (e.preventDefault(), onChange({ ...state, search }))}>
      <TextField
        label="Search"
        name="q"
        type="search"
        value={search}
        onChange={(e) => typed(e.target.value)}
        hint="Name, e-mail or phone"
        maxLength={100}
        autoComplete="off"
      />
      <SelectField
        label="Segment"
        name="segment"
        value={state.segment}
        onChange={(e) => onChange({ ...state, segment: e.target.value })}
        options={[{ value: '', label: 'All segments' }, ...segments.map((s) => ({ value: s.code, label: s.name }))]}
      />
      <SelectField
        label="Outcome"
        name="outcome"
        value={state.outcome}
        onChange={(e) => onChange({ ...state, outcome: e.target.value as LeadOutcome | '' })}
        options={[{ value: '', label: 'Any outcome' }, ...LEAD_OUTCOMES.map((o) => ({ value: o, label: enumLabel(o) }))]}
      />
      <TextField label="Bought from" name="from" type="date" value={state.from} onChange={(e) => onChange({ ...state, from: e.target.value })} />
      <TextField label="Bought until" name="to" type="date" value={state.to} onChange={(e) => onChange({ ...state, to: e.target.value })} error={rangeError} />
      <SelectField
        label="Sort by"
        name="sort"
        value={state.sort}
        onChange={(e) => onChange({ ...state, sort: e.target.value as PurchaseSort })}
        options={PURCHASE_SORTS.map((s) => ({ value: s.value, label: s.label }))}
      />
    </form>
  );
}
