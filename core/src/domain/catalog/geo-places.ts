// The countries and regions a buyer can pick in the marketplace filter: those of the geo catalog (geo_areas, the
// operator's tier table), as ISO codes (what the filter takes) with a name for regions (countries are named by the
// client's locale). Listed leads are not scanned for more: a DISTINCT over a million rows is no picker's business.
import { schema } from '@leadex/db';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireActor, type Actor } from '../auth/access';
import { parseInput } from '../shared/validation';
import { REGION_NAMES } from './region-names';

const { geoAreas } = schema;

export interface GeoPlace {
  code: string;
  name: string;
}

const ZCountry = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166-1 country code, e.g. US')
  .transform((s) => s.toUpperCase());

export async function geoCountries(deps: AppDeps, actor: Actor | null): Promise<string[]> {
  requireActor(actor);
  const rows = await deps.db.selectDistinct({ code: geoAreas.country }).from(geoAreas);
  return rows.map((r) => r.code).sort();
}

/** Regions of a country, sorted by name; BAD_USER_INPUT at `country` for anything but a two-letter code. */
export async function geoRegions(deps: AppDeps, actor: Actor | null, rawCountry: unknown): Promise<GeoPlace[]> {
  requireActor(actor);
  const country = parseInput(ZCountry, rawCountry, 'country');
  const rows = await deps.db
    .selectDistinct({ code: geoAreas.region })
    .from(geoAreas)
    .where(and(eq(geoAreas.country, country), ne(geoAreas.region, '')));
  return rows.map(({ code }) => ({ code, name: REGION_NAMES[code] ?? code })).sort((a, b) => a.name.localeCompare(b.name));
}
