// Geo tier lookup: the most specific known area wins (city, then region, then country); unknown → TIER_3.
import type { GeoTier } from '../leads/lead.types';

export interface GeoArea {
  country: string;
  region: string;
  city: string;
  tier: string;
}

export function geoTierFor(areas: readonly GeoArea[], country: string, region?: string | null, city?: string | null): GeoTier {
  const c = country.toUpperCase();
  const r = (region ?? '').toUpperCase();
  const town = (city ?? '').trim().toLowerCase();
  const inCountry = areas.filter((a) => a.country === c);
  const byCity = town ? inCountry.find((a) => a.city.toLowerCase() === town && (a.region === r || !r)) : undefined;
  const byRegion = r ? inCountry.find((a) => a.region === r && a.city === '') : undefined;
  const byCountry = inCountry.find((a) => a.region === '' && a.city === '');
  return ((byCity ?? byRegion ?? byCountry)?.tier as GeoTier | undefined) ?? 'TIER_3';
}
