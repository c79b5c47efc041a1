// Country and region pickers by name: the geo catalog's countries (ISO 3166-1 codes behind English names) and,
// for each chosen country, its regions (ISO 3166-2 codes, named by the API). Values stay codes in the filter.
import { useQuery } from 'urql';
import { CheckboxGroup } from '../../lib/ui/fields';
import { countryName } from './filter-chips';
import { GeoCountriesQuery, GeoRegionsQuery } from './marketplace.operations';

export interface GeoPickerProps {
  countries: readonly string[];
  regions: readonly string[];
  onChange: (patch: { countries: string[]; regions: string[] }) => void;
  errors?: { countries?: string; regions?: string };
}

export function GeoPicker({ countries, regions, onChange, errors = {} }: GeoPickerProps) {
  const [result] = useQuery({ query: GeoCountriesQuery, requestPolicy: 'cache-first' });
  // codes already in the filter (from a shared URL) stay offered, so they can be unticked
  const codes = [...new Set([...(result.data?.geoCountries ?? []), ...countries])];
  const options = codes.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <>
      <CheckboxGroup
        legend="Countries"
        name="countries"
        options={options}
        values={countries}
        error={errors.countries}
        onChange={(next) => onChange({ countries: next, regions: regions.filter((r) => next.includes(r.slice(0, 2))) })}
      />
      {countries.map((country) => (
        <RegionPicker
          key={country}
          country={country}
          values={regions.filter((r) => r.startsWith(`${country}-`))}
          onChange={(mine) => onChange({ countries: [...countries], regions: [...regions.filter((r) => !r.startsWith(`${country}-`)), ...mine] })}
        />
      ))}
      {errors.regions ? <p className="field__error">{errors.regions}</p> : null}
    </>
  );
}

function RegionPicker({ country, values, onChange }: { country: string; values: string[]; onChange: (values: string[]) => void }) {
  const [result] = useQuery({ query: GeoRegionsQuery, variables: { country }, requestPolicy: 'cache-first' });
  const known = result.data?.geoRegions ?? [];
  const options = [
    ...known.map((r) => ({ value: r.code, label: r.name })),
    ...values.filter((v) => !known.some((r) => r.code === v)).map((v) => ({ value: v, label: v })),
  ];
  if (!options.length) return result.fetching ? null : <p className="field__hint">No regions listed for {countryName(country)}.</p>;
  return (
    <CheckboxGroup
      legend={`Regions in ${countryName(country)}`}
      name={`regions-${country}`}
      options={options}
      values={values}
      onChange={onChange}
      className="geo-regions"
    />
  );
}
