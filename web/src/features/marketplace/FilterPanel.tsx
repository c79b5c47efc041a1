// The marketplace's filter panel: every LeadFilter field (FilterFields), countries and regions picked by name
// (GeoPicker). Filters apply as they change: a valid draft is written to the URL after a short pause, an invalid
// one shows its errors. A change of the URL from elsewhere (a chip removed) resets the draft.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SegmentInfo } from '../../lib/catalog/use-segments';
import { FilterFields } from './FilterFields';
import { GeoPicker } from './GeoPicker';
import {
  EMPTY_FILTER,
  activeFilterCount,
  filterStateToSearchParams,
  fromFilterDraft,
  hasErrors,
  toFilterDraft,
  validateFilterState,
  type FilterDraft,
  type FilterErrors,
  type FilterState,
} from './filter-state';

/** how long typing may pause before the filter applies */
export const APPLY_DELAY_MS = 400;

export interface FilterPanelProps {
  initial: FilterState;
  /** errors of the filter in the URL, shown until the next change */
  initialErrors: FilterErrors;
  segments: readonly SegmentInfo[];
  onApply: (state: FilterState) => void;
}

const keyOf = (state: FilterState) => filterStateToSearchParams(state).toString();

export function FilterPanel({ initial, initialErrors, segments, onApply }: FilterPanelProps) {
  const [draft, setDraft] = useState(() => toFilterDraft(initial));
  const [errors, setErrors] = useState<FilterErrors>(initialErrors);
  const [open, setOpen] = useState(false);
  const applied = useRef(keyOf(initial));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // the URL changed without us (a chip, back/forward): show what it says now
  const initialKey = keyOf(initial);
  useEffect(() => {
    if (initialKey === applied.current) return;
    applied.current = initialKey;
    setDraft(toFilterDraft(initial));
    setErrors(initialErrors);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `initial` is new each render; its key says when it changed
  }, [initialKey]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const applyNow = (next: FilterState) => {
    if (timer.current) clearTimeout(timer.current);
    const found = validateFilterState(next);
    setErrors(found);
    if (hasErrors(found) || keyOf(next) === applied.current) return;
    applied.current = keyOf(next);
    onApply(next);
  };

  const change = (next: FilterDraft) => {
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => applyNow(fromFilterDraft(next)), APPLY_DELAY_MS);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    applyNow(fromFilterDraft(draft));
  };

  const reset = () => {
    const cleared = { ...EMPTY_FILTER, sort: draft.state.sort };
    setDraft(toFilterDraft(cleared));
    applyNow(cleared);
  };

  const count = activeFilterCount(initial);
  const state = draft.state;

  return (
    <aside className={`filters${open ? ' filters--open' : ''}`} aria-label="Filters">
      <button
        type="button"
        className="button button--secondary filters__toggle"
        aria-expanded={open}
        aria-controls="filter-form"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide filters' : `Show filters${count ? ` (${count})` : ''}`}
      </button>
      <form id="filter-form" className="filters__body" onSubmit={submit} noValidate aria-label="Lead filters">
        <h2 className="filters__title">Filters</h2>
        <p className="field__hint">Results update as you change the filters.</p>
        <FilterFields
          draft={draft}
          errors={errors}
          segments={segments}
          onChange={change}
          geo={
            <GeoPicker
              countries={state.countries}
              regions={state.regions}
              errors={{ countries: errors.countries, regions: errors.regions }}
              onChange={(patch) =>
                change({ ...draft, state: { ...state, ...patch }, countries: patch.countries.join(', '), regions: patch.regions.join(', ') })
              }
            />
          }
        />
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            Apply now
          </button>
          <button type="button" className="button button--ghost" onClick={reset}>
            Clear filters
          </button>
        </div>
      </form>
    </aside>
  );
}
