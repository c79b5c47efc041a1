// Step 3 of verification (docs/domain.md, Verification): the automatic checks on every pending lead of a batch, their
// findings stored (verification_results, stage AUTOMATIC) in the caller's transaction, batch row locked.
import { schema, type Db } from '@leadex/db';
import type { ContactVault } from '../leads/contact-vault';
import type { LeadIssue, NormalizedContact } from '../leads/lead.types';
import { insertRowsAsJson } from '../shared/bulk-sql';
import { newId } from '../shared/ids';
import { automaticCheckFailures, type SampledLead } from './automatic-provider';
import { AUTOMATIC_PASSED } from './lead-checks-view.rules';

type LeadRow = typeof schema.leads.$inferSelect;

export function toCheckedLead(l: LeadRow, vault: Pick<ContactVault, 'open'>): SampledLead {
  return {
    id: l.id,
    kind: l.kind,
    country: l.country,
    signals: l.signals as { code: string }[],
    contact: l.contactSealed && l.contactKeyId ? vault.open<NormalizedContact>(l.contactSealed, l.contactKeyId) : null,
  };
}

/** Runs the automatic checks on each lead, stores one row per failed check (or one AUTOMATIC_PASSED row), returns the ids that failed. */
export async function recordAutomaticChecks(
  tx: Db,
  batchId: string,
  pending: LeadRow[],
  vault: Pick<ContactVault, 'open'>,
  now: Date,
  certificateProblems: ReadonlyMap<string, LeadIssue> = new Map(),
): Promise<Set<string>> {
  const failedIds = new Set<string>();
  const rows: (typeof schema.verificationResults.$inferInsert)[] = [];
  for (const lead of pending) {
    const failures = automaticCheckFailures({ ...toCheckedLead(lead, vault), certificateProblem: certificateProblems.get(lead.id) });
    if (failures.length) failedIds.add(lead.id);
    if (!failures.length) {
      rows.push({
        id: newId('vrs'),
        batchId,
        leadId: lead.id,
        rowIndex: -1,
        stage: 'AUTOMATIC',
        code: AUTOMATIC_PASSED,
        field: null,
        message: 'Passed every automatic check.',
        severity: 'WARNING',
        createdAt: now,
      });
    }
    for (const f of failures) {
      rows.push({
        id: newId('vrs'),
        batchId,
        leadId: lead.id,
        rowIndex: -1,
        stage: 'AUTOMATIC',
        code: f.check,
        field: f.field,
        message: `${f.reason}: ${f.message}`,
        severity: 'ERROR',
        createdAt: now,
      });
    }
  }
  await insertRowsAsJson(tx, schema.verificationResults, rows);
  return failedIds;
}
