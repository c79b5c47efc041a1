// Every LeadFilter field as form controls, without a <form>: the marketplace's filter panel and the
// campaign form both edit a FilterDraft with them. `omit` leaves fields out where the page sets them itself
// (a campaign has its own exclusivity).
import type { ReactNode } from 'react';
import type { SegmentInfo } from '../../lib/catalog/use-segments';
import { EXCLUSIVITIES, GEO_TIERS, LEAD_KINDS, TEMPERATURES, enumLabel } from '../../lib/enums';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../lib/ui/fields';
import { pruneSubsegments, subsegmentOptions, type FilterDraft, type FilterErrors, type FilterState } from './filter-state';

const options = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: enumLabel(value) }));

export interface FilterFieldsProps {
  draft: FilterDraft;
  errors: FilterErrors;
  segments: readonly SegmentInfo[];
  onChange: (draft: FilterDraft) => void;
  omit?: readonly 'exclusivity'[];
  /** replaces the typed country and region codes (the marketplace's pickers by name) */
  geo?: ReactNode;
}

export function FilterFields({ draft, errors, segments, onChange, omit = [], geo }: FilterFieldsProps) {
  const state = draft.state;
  const update = (patch: Partial<FilterState>) => {
    const next = { ...state, ...patch };
    onChange({ ...draft, state: segments.length ? pruneSubsegments(next, segments) : next });
  };
  const subOptions = subsegmentOptions(segments, state.segments);

  return (
    <>
      <CheckboxGroup
        legend="Segments"
        options={segments.map((s) => ({ value: s.code, label: s.name }))}
        values={state.segments}
        onChange={(values) => update({ segments: values })}
        error={errors.segments}
      />
      {state.segments.length ? (
        subOptions.length ? (
          <CheckboxGroup
            legend="Subsegments"
            options={subOptions}
            values={state.subsegments}
            onChange={(values) => update({ subsegments: values })}
            error={errors.subsegments}
          />
        ) : (
          <p className="field__hint">The chosen segments have no subsegments.</p>
        )
      ) : (
        <p className="field__hint">Choose a segment to filter by subsegment.</p>
      )}

      <fieldset className="filters__group">
        <legend>Location</legend>
        {geo ?? (
          <>
            <TextField
              label="Countries"
              name="countries"
              value={draft.countries}
              onChange={(e) => onChange({ ...draft, countries: e.target.value })}
              hint="Two-letter codes, comma-separated (US, GB)"
              error={errors.countries}
              autoComplete="off"
            />
            <TextField
              label="Regions"
              name="regions"
              value={draft.regions}
              onChange={(e) => onChange({ ...draft, regions: e.target.value })}
              hint="ISO 3166-2 codes (US-CA, RU-MOW)"
              error={errors.regions}
              autoComplete="off"
            />
          </>
        )}
        <TextField
          label="Cities"
          name="cities"
          value={draft.cities}
          onChange={(e) => onChange({ ...draft, cities: e.target.value })}
          hint="Comma-separated"
          error={errors.cities}
          autoComplete="off"
        />
        <CheckboxGroup
          legend="Geo tiers"
          options={options(GEO_TIERS)}
          values={state.geoTiers}
          onChange={(values) => update({ geoTiers: values })}
          error={errors.geoTiers}
        />
      </fieldset>

      <CheckboxGroup legend="Kinds" options={options(LEAD_KINDS)} values={state.kinds} onChange={(values) => update({ kinds: values })} error={errors.kinds} />
      <CheckboxGroup
        legend="Temperatures"
        options={options(TEMPERATURES)}
        values={state.temperatures}
        onChange={(values) => update({ temperatures: values })}
        error={errors.temperatures}
      />

      {omit.includes('exclusivity') ? null : (
        <SelectField
          label="Exclusivity"
          name="exclusivity"
          value={state.exclusivity ?? ''}
          onChange={(e) =>
            update({ exclusivity: (EXCLUSIVITIES as readonly string[]).includes(e.target.value) ? (e.target.value as FilterState['exclusivity']) : null })
          }
          options={[{ value: '', label: 'Any' }, ...options(EXCLUSIVITIES)]}
          error={errors.exclusivity}
        />
      )}
      <CheckboxField
        label="Verified only"
        name="verifiedOnly"
        checked={state.verifiedOnly}
        onChange={(e) => update({ verifiedOnly: e.target.checked })}
        error={errors.verifiedOnly}
      />
      <TextField
        label="Max age (hours)"
        name="maxAgeHours"
        type="number"
        inputMode="numeric"
        min={1}
        value={state.maxAgeHours}
        onChange={(e) => update({ maxAgeHours: e.target.value })}
        error={errors.maxAgeHours}
      />

      <div className="field-row">
        <TextField
          label="Min price"
          name="minPrice"
          inputMode="decimal"
          value={state.minPrice}
          placeholder="0.00"
          onChange={(e) => update({ minPrice: e.target.value })}
          error={errors.minPrice}
        />
        <TextField
          label="Max price"
          name="maxPrice"
          inputMode="decimal"
          value={state.maxPrice}
          placeholder="0.00"
          onChange={(e) => update({ maxPrice: e.target.value })}
          error={errors.maxPrice}
        />
      </div>
      <TextField
        label="Min seller quality"
        name="minSellerQuality"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        value={state.minSellerQuality}
        onChange={(e) => update({ minSellerQuality: e.target.value })}
        error={errors.minSellerQuality}
        hint="0–100"
      />
    </>
  );
}
