// The look-ups lead submission makes beyond the batch itself: a seller's own externalIds already taken, the
// phones and e-mails the segment already holds (duplicate signals), and the do-not-contact list's refusals.
import { schema, type Db } from '@leadex/db';
import { and, eq, gte, inArray, or } from 'drizzle-orm';
import type { LeadIssue } from './lead.types';

const { leads } = schema;

/** Hashes of phones and e-mails already seen in the segment within the duplicate window, any seller. */
export async function findExistingDuplicates(db: Db, since: Date, keys: { segment: string; phoneHash: string | null; emailHash: string | null }[]) {
  const phones = [...new Set(keys.map((k) => k.phoneHash).filter((h): h is string => !!h))];
  const emails = [...new Set(keys.map((k) => k.emailHash).filter((h): h is string => !!h))];
  const segmentCodes = [...new Set(keys.map((k) => k.segment))];
  const seen = new Set<string>();
  if (!phones.length && !emails.length) return seen;
  const matches = [phones.length ? inArray(leads.phoneHash, phones) : undefined, emails.length ? inArray(leads.emailHash, emails) : undefined].filter(Boolean);
  const rows = await db
    .select({ segment: leads.segment, phoneHash: leads.phoneHash, emailHash: leads.emailHash })
    .from(leads)
    .where(and(inArray(leads.segment, segmentCodes), gte(leads.capturedAt, since), or(...matches)));
  for (const r of rows) {
    if (r.phoneHash) seen.add(`${r.segment}|p|${r.phoneHash}`);
    if (r.emailHash) seen.add(`${r.segment}|e|${r.emailHash}`);
  }
  return seen;
}

/** The externalIds among these the seller already used on an earlier lead. */
export async function findTakenExternalIds(db: Db, sellerOrgId: string, externalIds: readonly (string | null | undefined)[]): Promise<Set<string>> {
  const ids = [...new Set(externalIds.filter((id): id is string => !!id))];
  if (!ids.length) return new Set();
  const rows = await db
    .select({ externalId: leads.externalId })
    .from(leads)
    .where(and(eq(leads.sellerOrgId, sellerOrgId), inArray(leads.externalId, ids)));
  return new Set(rows.map((r) => r.externalId!));
}

/** The CONTACT_SUPPRESSED errors of a lead whose phone or e-mail hash is on the do-not-contact list (empty if neither). */
export function suppressionIssues(lead: { phoneHash: string | null; emailHash: string | null }, suppressed: ReadonlySet<string>): LeadIssue[] {
  const fields = [lead.phoneHash && suppressed.has(lead.phoneHash) ? 'phone' : null, lead.emailHash && suppressed.has(lead.emailHash) ? 'email' : null];
  return fields
    .filter((f): f is string => !!f)
    .map((field) => ({ code: 'CONTACT_SUPPRESSED', field, message: `this ${field} is on the do-not-contact list`, severity: 'ERROR' as const }));
}
