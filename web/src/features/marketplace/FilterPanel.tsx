// The marketplace's filter panel: every LeadFilter field (FilterFields). Edits are a draft; "Apply filters"
// validates and writes them to the URL.
import { useState, type FormEvent } from 'react';
import type { SegmentInfo } from '../../lib/catalog/use-segments';
import { FilterFields } from './FilterFields';
import {
  EMPTY_FILTER,
  activeFilterCount,
  fromFilterDraft,
  hasErrors,
  toFilterDraft,
  validateFilterState,
  type FilterErrors,
  type FilterState,
} from './filter-state';

export interface FilterPanelProps {
  initial: FilterState;
  /** errors of the filter in the URL, shown until the next apply */
  initialErrors: FilterErrors;
  segments: readonly SegmentInfo[];
  onApply: (state: FilterState) => void;
}

export function FilterPanel({ initial, initialErrors, segments, onApply }: FilterPanelProps) {
  const [draft, setDraft] = useState(() => toFilterDraft(initial));
  const [errors, setErrors] = useState<FilterErrors>(initialErrors);
  const [open, setOpen] = useState(false);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = fromFilterDraft(draft);
    const found = validateFilterState(next);
    setErrors(found);
    if (!hasErrors(found)) onApply(next);
  };

  const reset = () => {
    const cleared = { ...EMPTY_FILTER, sort: draft.state.sort };
    setDraft(toFilterDraft(cleared));
    setErrors({});
    onApply(cleared);
  };

  const count = activeFilterCount(initial);

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
      <form id="filter-form" className="filters__body" onSubmit={apply} noValidate aria-label="Lead filters">
        <h2 className="filters__title">Filters</h2>
        <FilterFields draft={draft} errors={errors} segments={segments} onChange={setDraft} />
        <div className="form-actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          <button type="button" className="button button--ghost" onClick={reset}>
            Clear filters
          </button>
        </div>
      </form>
    </aside>
  );
}
