// Every LeadFilter field as a form. Edits are a draft; "Apply filters" validates and writes them to the URL.
import { useState, type FormEvent } from 'react';
import type { SegmentInfo } from '../../lib/catalog/use-segments';
import { EXCLUSIVITIES, GEO_TIERS, LEAD_KINDS, TEMPERATURES, enumLabel } from '../../lib/enums';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../lib/ui/fields';
import {
  EMPTY_FILTER, activeFilterCount, hasErrors, joinList, pruneSubsegments, splitList, subsegmentOptions, validateFilterState,
  type FilterErrors, type FilterState,
} from './filter-state';

interface Draft {
  state: FilterState;
  countries: string;
  regions: string;
  cities: string;
}

const toDraft = (state: FilterState): Draft => ({
  state,
  countries: joinList(state.countries),
  regions: joinList(state.regions),
  cities: joinList(state.cities),
});

const fromDraft = (draft: Draft): FilterState => ({
  ...draft.state,
  countries: splitList(draft.countries, { upper: true }),
  regions: splitList(draft.regions, { upper: true }),
  cities: splitList(draft.cities),
});

const options = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: enumLabel(value) }));

export interface FilterPanelProps {
  initial: FilterState;
  /** errors of the filter in the URL, shown until the next apply */
  initialErrors: FilterErrors;
  segments: readonly SegmentInfo[];
  onApply: (state: FilterState) => void;
}

export function FilterPanel({ initial, initialErrors, segments, onApply }: FilterPanelProps) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<FilterErrors>(initialErrors);
  const [open, setOpen] = useState(false);
  const state = draft.state;

  const update = (patch: Partial<FilterState>) => {
    setDraft((d) => {
      const next = { ...d.state, ...patch };
      return { ...d, state: segments.length ? pruneSubsegments(next, segments) : next };
    });
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = fromDraft(draft);
    const found = validateFilterState(next);
    setErrors(found);
    if (!hasErrors(found)) onApply(next);
  };

  const reset = () => {
    const cleared = { ...EMPTY_FILTER, sort: state.sort };
    setDraft(toDraft(cleared));
    setErrors({});
    onApply(cleared);
  };

  const subOptions = subsegmentOptions(segments, state.segments);
  const count = activeFilterCount(initial);

  return (
    <aside className={`filters${open ? ' filters--open' : ''}`} aria-label="Filters">
      <button type="button" className="button button--secondary filters__toggle" aria-expanded={open} aria-controls="filter-form" onClick={() => setOpen(!open)}>
        {open ? 'Hide filters' : `Show filters${count ? ` (${count})` : ''}`}
      </button>
      <form id="filter-form" className="filters__body" onSubmit={apply} noValidate aria-label="Lead filters">
        <h2 className="filters__title">Filters</h2>

        <CheckboxGroup
          legend="Segments"
          options={segments.map((s) => ({ value: s.code, label: s.name }))}
          values={state.segments}
          onChange={(values) => update({ segments: values })}
          error={errors.segments}
        />
        {state.segments.length ? (
          subOptions.length ? (
            <CheckboxGroup legend="Subsegments" options={subOptions} values={state.subsegments} onChange={(values) => update({ subsegments: values })} error={errors.subsegments} />
          ) : (
            <p className="field__hint">The chosen segments have no subsegments.</p>
          )
        ) : (
          <p className="field__hint">Choose a segment to filter by subsegment.</p>
        )}

        <fieldset className="filters__group">
          <legend>Location</legend>
          <TextField label="Countries" name="countries" value={draft.countries} onChange={(e) => setDraft({ ...draft, countries: e.target.value })}
            hint="Two-letter codes, comma-separated (US, GB)" error={errors.countries} autoComplete="off" />
          <TextField label="Regions" name="regions" value={draft.regions} onChange={(e) => setDraft({ ...draft, regions: e.target.value })}
            hint="ISO 3166-2 codes (US-CA, RU-MOW)" error={errors.regions} autoComplete="off" />
          <TextField label="Cities" name="cities" value={draft.cities} onChange={(e) => setDraft({ ...draft, cities: e.target.value })}
            hint="Comma-separated" error={errors.cities} autoComplete="off" />
          <CheckboxGroup legend="Geo tiers" options={options(GEO_TIERS)} values={state.geoTiers} onChange={(values) => update({ geoTiers: values })} />
        </fieldset>

        <CheckboxGroup legend="Kinds" options={options(LEAD_KINDS)} values={state.kinds} onChange={(values) => update({ kinds: values })} />
        <CheckboxGroup legend="Temperatures" options={options(TEMPERATURES)} values={state.temperatures} onChange={(values) => update({ temperatures: values })} />

        <SelectField
          label="Exclusivity"
          name="exclusivity"
          value={state.exclusivity ?? ''}
          onChange={(e) => update({ exclusivity: (EXCLUSIVITIES as readonly string[]).includes(e.target.value) ? (e.target.value as FilterState['exclusivity']) : null })}
          options={[{ value: '', label: 'Any' }, ...options(EXCLUSIVITIES)]}
        />
        <CheckboxField label="Verified only" name="verifiedOnly" checked={state.verifiedOnly} onChange={(e) => update({ verifiedOnly: e.target.checked })} />
        <TextField label="Max age (hours)" name="maxAgeHours" type="number" inputMode="numeric" min={1} value={state.maxAgeHours}
          onChange={(e) => update({ maxAgeHours: e.target.value })} error={errors.maxAgeHours} />

        <div className="field-row">
          <TextField label="Min price" name="minPrice" inputMode="decimal" value={state.minPrice} placeholder="0.00"
            onChange={(e) => update({ minPrice: e.target.value })} error={errors.minPrice} />
          <TextField label="Max price" name="maxPrice" inputMode="decimal" value={state.maxPrice} placeholder="0.00"
            onChange={(e) => update({ maxPrice: e.target.value })} error={errors.maxPrice} />
        </div>
        <TextField label="Min seller quality" name="minSellerQuality" type="number" inputMode="numeric" min={0} max={100}
          value={state.minSellerQuality} onChange={(e) => update({ minSellerQuality: e.target.value })} error={errors.minSellerQuality} hint="0–100" />

        <div className="form-actions">
          <button type="submit" className="button">Apply filters</button>
          <button type="button" className="button button--ghost" onClick={reset}>Clear filters</button>
        </div>
      </form>
    </aside>
  );
}
