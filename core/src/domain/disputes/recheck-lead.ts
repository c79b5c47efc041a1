// The re-check of a disputed lead, whatever the reason (issue 11 §5): the contact re-validated, the automatic
// provider's checks run again with facts as they are today (the disposable-mailbox list, duplicates that
// arrived after the sale), and the lookups: the same person from another lead in the segment (any seller),
// the same person sold to this buyer before, and the global do-not-contact list.
import { queryRows, schema, sql, type Db } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { normalizeContact } from '../leads/contact.rules';
import { runSoftSignals } from '../leads/lead-checks.rules';
import type { NormalizedContact, TLeadInput } from '../leads/lead.types';
import { DUPLICATE_WINDOW_DAYS } from '../leads/submit-leads';
import { AUTOMATIC_CHECKS, automaticCheckFailures } from '../verification/automatic-provider';
import { globallySuppressed, leadHashes } from '../suppression/suppression-lookups';
import { NOT_SOLD_TO_YOU_BEFORE, NOT_SUPPRESSED, VALID_CONTACT, recheckResult, type RecheckFailure, type RecheckResult } from './dispute-recheck.rules';

type LeadRow = typeof schema.leads.$inferSelect;
const DAY_MS = 86_400_000;

/**
 * Another lead in the segment (any seller, this one excluded) with the same keyed phone / e-mail, captured within
 * the duplicate window of this one and submitted before the sale: a copy submitted after the purchase (say, by a
 * seller colluding with the buyer) proves nothing about the lead that was sold.
 */
async function duplicatesElsewhere(tx: Db, lead: LeadRow, purchaseId: string): Promise<{ phone: boolean; email: boolean }> {
  if (!lead.phoneHash && !lead.emailHash) return { phone: false, email: false };
  const from = new Date(lead.capturedAt.getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS);
  const to = new Date(lead.capturedAt.getTime() + DUPLICATE_WINDOW_DAYS * DAY_MS);
  const [row] = await queryRows<{ phone: boolean; email: boolean }>(
    tx,
    sql`SELECT coalesce(bool_or(${lead.phoneHash}::text IS NOT NULL AND phone_hash = ${lead.phoneHash}), false) AS phone,
               coalesce(bool_or(${lead.emailHash}::text IS NOT NULL AND email_hash = ${lead.emailHash}), false) AS email
        FROM leads
        WHERE id <> ${lead.id} AND segment = ${lead.segment} AND captured_at BETWEEN ${from.toISOString()}::timestamptz AND ${to.toISOString()}::timestamptz
          AND created_at <= (SELECT purchased_at FROM purchases WHERE id = ${purchaseId})
          AND ((${lead.phoneHash}::text IS NOT NULL AND phone_hash = ${lead.phoneHash}) OR (${lead.emailHash}::text IS NOT NULL AND email_hash = ${lead.emailHash}))`,
  );
  return { phone: !!row?.phone, email: !!row?.email };
}

/** The automatic checks this lead failed when it was verified (verification_results, stage AUTOMATIC). */
async function checksFailedAtVerification(tx: Db, leadId: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    tx,
    sql`SELECT DISTINCT code FROM verification_results WHERE lead_id = ${leadId} AND stage = 'AUTOMATIC' AND severity = 'ERROR'`,
  );
  return rows.map((r) => r.code);
}

/** The buyer's earlier purchase of the same person (keyed phone or e-mail hash) in the segment, if any. */
async function earlierSaleToBuyer(tx: Db, lead: LeadRow, buyerOrgId: string, purchaseId: string): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT p.id FROM purchases p JOIN leads l ON l.id = p.lead_id
        WHERE p.buyer_org_id = ${buyerOrgId} AND p.id <> ${purchaseId} AND l.segment = ${lead.segment}
          AND p.purchased_at <= (SELECT purchased_at FROM purchases WHERE id = ${purchaseId})
          AND ((${lead.phoneHash}::text IS NOT NULL AND l.phone_hash = ${lead.phoneHash}) OR (${lead.emailHash}::text IS NOT NULL AND l.email_hash = ${lead.emailHash}))
        LIMIT 1`,
  );
  return rows[0]?.id ?? null;
}

/** Today's soft signals for the stored contact, joined to those found at submission (which the lead cannot show again: user agent, fill time, IP burst). */
function signalsNow(lead: LeadRow, contact: NormalizedContact, duplicate: { phone: boolean; email: boolean }, now: Date): { code: string }[] {
  const input = { country: lead.country, formFillSeconds: null, userAgent: null } as unknown as TLeadInput;
  const fresh = runSoftSignals(input, contact, { now, duplicatePhone: duplicate.phone, duplicateEmail: duplicate.email, leadsFromSameIpInBatch: 0 });
  const codes = new Set([...(lead.signals as { code: string }[]).map((s) => s.code), ...fresh.map((s) => s.code)]);
  return [...codes].map((code) => ({ code }));
}

/** Re-checks the disputed lead inside the dispute's transaction; reads only, writes nothing. */
export async function recheckLead(deps: AppDeps, tx: Db, lead: LeadRow, buyerOrgId: string, purchaseId: string): Promise<RecheckResult> {
  const now = deps.clock();
  const contact = lead.contactSealed && lead.contactKeyId && !lead.erasedAt ? deps.vault.open<NormalizedContact>(lead.contactSealed, lead.contactKeyId) : null;
  const failures: RecheckFailure[] = [];
  const names: string[] = [];

  if (contact) {
    names.push(VALID_CONTACT, ...AUTOMATIC_CHECKS);
    const { issues } = normalizeContact({
      fullName: contact.fullName,
      phone: contact.phoneE164,
      email: contact.email,
      socialUrl: contact.socialUrl,
      country: lead.country,
    } as TLeadInput);
    for (const e of issues.filter((i) => i.severity === 'ERROR')) failures.push({ name: VALID_CONTACT, reason: e.code });
  }
  const duplicate = await duplicatesElsewhere(tx, lead, purchaseId);
  const checked = { id: lead.id, kind: lead.kind, country: lead.country, contact, signals: contact ? signalsNow(lead, contact, duplicate, now) : [] };
  for (const f of automaticCheckFailures(checked)) failures.push({ name: f.check, reason: f.reason });

  names.push(NOT_SOLD_TO_YOU_BEFORE);
  const earlier = await earlierSaleToBuyer(tx, lead, buyerOrgId, purchaseId);
  if (earlier) failures.push({ name: NOT_SOLD_TO_YOU_BEFORE, reason: `the same contact was sold to you before (${earlier})` });

  // the global do-not-contact list only: a buyer's own list is theirs to fill after a purchase, so it decides nothing here
  names.push(NOT_SUPPRESSED);
  const hashes = leadHashes(lead).map((h) => h.hash);
  if (hashes.length && (await globallySuppressed(tx, hashes)).size) failures.push({ name: NOT_SUPPRESSED, reason: 'CONTACT_SUPPRESSED' });

  // one failure per check name in the list; the first reason of each is kept for the finding
  const seen = new Set<string>();
  const firstPerCheck = failures.filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)));
  return recheckResult(names, firstPerCheck, now, await checksFailedAtVerification(tx, lead.id));
}
