// The search box of a seller's listings and sales: a lead (or sale) id, the seller's external id, a city or
// the masked name. Contacts are sealed, so a name or phone cannot be searched in clear.
import { schema } from '@leadex/db';
import { ilike, or, sql, type SQL } from 'drizzle-orm';
import { badInput } from '../shared/domain-error';

const { leads } = schema;
export const MAX_SEARCH_LENGTH = 100;

/** The search text trimmed, or null when empty; BAD_USER_INPUT on `search` when too long. */
export function parseSearch(search: unknown): string | null {
  if (search == null) return null;
  if (typeof search !== 'string') throw badInput([{ path: 'search', message: 'must be text' }]);
  const text = search.trim();
  if (text.length > MAX_SEARCH_LENGTH) throw badInput([{ path: 'search', message: `at most ${MAX_SEARCH_LENGTH} characters` }]);
  return text || null;
}

/** `%`, `_` and `\` matched as themselves in ILIKE. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Leads whose id starts with the text, or whose external id, city or masked name contains it. */
export function leadMatches(text: string): SQL {
  const inside = `%${likeLiteral(text)}%`;
  return or(
    ilike(leads.id, `${likeLiteral(text)}%`),
    ilike(leads.externalId, inside),
    ilike(leads.city, inside),
    ilike(leads.previewName, inside),
    // the segment's code as the seller reads it ("life" finds INSURANCE · LIFE)
    sql`${leads.segment} || ' ' || coalesce(${leads.subsegment}, '') ILIKE ${inside}`,
  )!;
}
