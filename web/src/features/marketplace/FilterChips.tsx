// The active filters as chips above the results; each one's button removes that value. Region chips read
// their names from the same cached geoRegions answer as the region picker.
import { useQuery } from 'urql';
import type { SegmentInfo } from '../../lib/catalog/use-segments';
import { countryName, filterChips, type FilterChip } from './filter-chips';
import { EMPTY_FILTER, type FilterState } from './filter-state';
import { GeoRegionsQuery } from './marketplace.operations';

export function FilterChips({ state, segments, onChange }: { state: FilterState; segments: readonly SegmentInfo[]; onChange: (state: FilterState) => void }) {
  const chips = filterChips(state, { segments, country: countryName, region: (code) => code });
  if (!chips.length) return null;
  return (
    <div className="chips" role="group" aria-label="Active filters">
      <ul className="chips__list">
        {chips.map((chip) =>
          chip.key.startsWith('regions:') ? (
            <RegionChip key={chip.key} chip={chip} onChange={onChange} />
          ) : (
            <Chip key={chip.key} label={chip.label} onRemove={() => onChange(chip.without)} />
          ),
        )}
      </ul>
      <button type="button" className="button button--ghost chips__clear" onClick={() => onChange({ ...EMPTY_FILTER, sort: state.sort })}>
        Clear all
      </button>
    </div>
  );
}

function Chip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <li className="chip">
      <span>{label}</span>
      <button type="button" className="chip__remove" aria-label={`Remove filter ${label}`} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

function RegionChip({ chip, onChange }: { chip: FilterChip; onChange: (state: FilterState) => void }) {
  const [result] = useQuery({ query: GeoRegionsQuery, variables: { country: chip.label.slice(0, 2) }, requestPolicy: 'cache-first' });
  const name = result.data?.geoRegions.find((r) => r.code === chip.label)?.name ?? chip.label;
  return <Chip label={name} onRemove={() => onChange(chip.without)} />;
}
