// The active filters as removable chips: one chip per value of a list and one per scalar, each knowing the
// filter without it. Pure, so the chip texts are unit-tested.
import type { SegmentOption } from './filter-state';
import { EMPTY_FILTER, pruneSubsegments, type FilterState } from './filter-state';
import { enumLabel } from '../../lib/enums';

export interface FilterChip {
  key: string;
  label: string;
  without: FilterState;
}

export interface ChipNames {
  segments: readonly SegmentOption[];
  country: (code: string) => string;
  region: (code: string) => string;
}

type ListField = 'segments' | 'subsegments' | 'countries' | 'regions' | 'cities' | 'geoTiers' | 'kinds' | 'temperatures';

export function filterChips(state: FilterState, names: ChipNames): FilterChip[] {
  const chips: FilterChip[] = [];
  const list = <F extends ListField>(field: F, label: (v: FilterState[F][number]) => string) => {
    for (const value of state[field] as readonly string[]) {
      const without = { ...state, [field]: (state[field] as readonly string[]).filter((v) => v !== value) } as FilterState;
      // a region belongs to its country, as a subsegment to its segment: removing the parent removes them
      if (field === 'countries') without.regions = state.regions.filter((r) => !r.startsWith(`${value}-`));
      chips.push({
        key: `${field}:${value}`,
        label: label(value as FilterState[F][number]),
        without: field === 'segments' ? pruneSubsegments(without, names.segments) : without,
      });
    }
  };
  const scalar = (field: keyof FilterState, label: string) => chips.push({ key: field, label, without: { ...state, [field]: EMPTY_FILTER[field] } });
  const segmentName = (code: string) => names.segments.find((s) => s.code === code)?.name ?? code;
  list('segments', segmentName);
  list('subsegments', (code) => names.segments.flatMap((s) => s.subsegments).find((s) => s.code === code)?.name ?? code);
  list('countries', names.country);
  list('regions', names.region);
  list('cities', (c) => c);
  list('geoTiers', (t) => t.replace('TIER_', 'Tier '));
  list('kinds', enumLabel);
  list('temperatures', enumLabel);
  if (state.exclusivity) scalar('exclusivity', enumLabel(state.exclusivity));
  if (state.verifiedOnly) scalar('verifiedOnly', 'Verified only');
  if (state.maxAgeHours) scalar('maxAgeHours', `At most ${state.maxAgeHours} h old`);
  if (state.minPrice) scalar('minPrice', `From ${state.minPrice}`);
  if (state.maxPrice) scalar('maxPrice', `Up to ${state.maxPrice}`);
  if (state.minSellerQuality) scalar('minSellerQuality', `Seller quality ≥ ${state.minSellerQuality}`);
  return chips;
}

const displayNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** "US" → "United States" (the code itself when the runtime does not know it). */
export function countryName(code: string): string {
  try {
    return displayNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
