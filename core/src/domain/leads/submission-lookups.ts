// The look-ups lead submission makes beyond the batch itself, two statements a call: the seller's row with what
// pricing needs, then a seller's own externalIds already taken, the phones and e-mails the segment already holds
// (duplicate signals) and the do-not-contact list's refusals.
import { queryRows, sql, type Db } from '@leadex/db';
import type { SQL } from 'drizzle-orm';
import { textArray } from '../shared/bulk-sql';
import type { LeadIssue } from './lead.types';

/** The CONTACT_SUPPRESSED errors of a lead whose phone or e-mail hash is on the do-not-contact list (empty if neither). */
export function suppressionIssues(lead: { phoneHash: string | null; emailHash: string | null }, suppressed: ReadonlySet<string>): LeadIssue[] {
  const fields = [lead.phoneHash && suppressed.has(lead.phoneHash) ? 'phone' : null, lead.emailHash && suppressed.has(lead.emailHash) ? 'email' : null];
  return fields
    .filter((f): f is string => !!f)
    .map((field) => ({ code: 'CONTACT_SUPPRESSED', field, message: `this ${field} is on the do-not-contact list`, severity: 'ERROR' as const }));
}

export interface SubmissionContext {
  /** undefined: no such organisation */
  org: { suspended: boolean } | undefined;
  catalogVersion: string;
  /** the seller's conversion factor per segment (sellerConversionFactors) */
  conversion: Map<string, number>;
}

/**
 * What a submission needs before any lead is looked at, in one round trip (each one costs the API process
 * a socket write and a reply to parse, bench/ingest): the seller's row, the catalog's version (the
 * catalog itself comes from the cache at that version) and the seller's conversion factors.
 */
export async function readSubmissionContext(db: Db, sellerOrgId: string): Promise<SubmissionContext> {
  const [row] = await queryRows<{ suspended: boolean; catalog_version: string | null; conversion: Record<string, string> | null }>(
    db,
    sql`SELECT o.suspended,
      (SELECT version::text FROM catalog_version) AS catalog_version,
      (SELECT jsonb_object_agg(c.segment, c.factor::text) FROM seller_segment_conversion c WHERE c.seller_org_id = o.id) AS conversion
    FROM organizations o WHERE o.id = ${sellerOrgId}`,
  );
  const conversion = new Map(Object.entries(row?.conversion ?? {}).map(([segment, factor]) => [segment, Number(factor)]));
  return { org: row ? { suspended: row.suspended } : undefined, catalogVersion: row?.catalog_version ?? '0', conversion };
}

export interface SubmissionConflicts {
  /** the seller's externalIds among those asked that an earlier lead already uses */
  takenExternalIds: Set<string>;
  /** the hashes asked that are on the global do-not-contact list */
  suppressed: Set<string>;
  /** `${segment}|p|${phoneHash}` and `${segment}|e|${emailHash}` seen within the duplicate window, any seller */
  existing: Set<string>;
}

/**
 * findTakenExternalIds, globallySuppressed and findExistingDuplicates in one statement (one round trip instead
 * of three); each part is left out when it has nothing to ask, and the caller decides which answers a lead sees.
 */
export async function findSubmissionConflicts(
  db: Db,
  ask: { sellerOrgId: string; externalIds: readonly string[]; since: Date; keys: { segment: string; phoneHash: string | null; emailHash: string | null }[] },
): Promise<SubmissionConflicts> {
  const out: SubmissionConflicts = { takenExternalIds: new Set(), suppressed: new Set(), existing: new Set() };
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const externalIds = unique([...ask.externalIds]);
  const phones = unique(ask.keys.map((k) => k.phoneHash));
  const emails = unique(ask.keys.map((k) => k.emailHash));
  // every part names its columns: a UNION takes its names from whichever part comes first
  const parts: SQL[] = [];
  if (externalIds.length) {
    parts.push(sql`SELECT 'x' AS kind, external_id AS a, NULL AS b FROM leads
      WHERE seller_org_id = ${ask.sellerOrgId} AND external_id = ANY(${textArray(externalIds)})`);
  }
  if (phones.length || emails.length) {
    parts.push(sql`SELECT 's' AS kind, hash AS a, NULL AS b FROM global_suppressions WHERE hash = ANY(${textArray([...phones, ...emails])})`);
  }
  const since = ask.since.toISOString();
  for (const [kind, key, column] of [
    ['p', 'phoneHash', 'phone_hash'],
    ['e', 'emailHash', 'email_hash'],
  ] as const) {
    const pairs = new Map<string, [string, string]>();
    for (const k of ask.keys) {
      const h = k[key];
      if (h) pairs.set(`${k.segment}|${h}`, [k.segment, h]);
    }
    if (!pairs.size) continue;
    const hash = sql.identifier(column);
    // (segment, hash) pairs joined to the partial duplicate index: a nested loop of index probes whatever the
    // statement's cached generic plan guesses of the arrays' sizes (with "= ANY(array)" it picked seq scans)
    parts.push(sql`SELECT ${sql.raw(`'${kind}'`)} AS kind, l.segment AS a, l.${hash} AS b
      FROM unnest(${textArray([...pairs.values()].map((p) => p[0]))}, ${textArray([...pairs.values()].map((p) => p[1]))}) AS k(segment, hash)
      JOIN leads l ON l.segment = k.segment AND l.${hash} = k.hash
      WHERE l.${hash} IS NOT NULL AND l.captured_at >= ${since}::timestamptz`);
  }
  if (!parts.length) return out;
  const rows = await queryRows<{ kind: string; a: string; b: string | null }>(db, sql.join(parts, sql` UNION ALL `));
  for (const r of rows) {
    if (r.kind === 'x') out.takenExternalIds.add(r.a);
    else if (r.kind === 's') out.suppressed.add(r.a);
    else out.existing.add(`${r.a}|${r.kind}|${r.b}`);
  }
  return out;
}
