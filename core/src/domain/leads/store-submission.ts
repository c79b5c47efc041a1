// The write of a submission: the batch row, its accepted leads and every finding, all or nothing. A submission
// without consent-certificate claims is one statement (data-modifying CTEs, atomic like a transaction): one
// round trip instead of BEGIN, three INSERTs and COMMIT, which is most of a single-lead call's client time
// (bench/ingest). Claims need their answer before the rows are final, so they keep the transaction.
import { schema, type BatchStatus, type Db } from '@leadex/db';
import type { SQL } from 'drizzle-orm';
import { CERTIFICATE_REUSED_ISSUE, claimCertificates } from '../consent/verify-certificate';
import { insertFromJson, insertRowsAsJson, jsonRecords } from '../shared/bulk-sql';
import { writeInOneStatement } from '../shared/one-statement';
import { isUniqueViolation } from '../shared/db-errors';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { initialBatchStatus } from './batch.lifecycle';
import { LEAD_ROW_DEFAULTS, insertLeadRows } from './insert-lead-rows';
import type { LeadIssue } from './lead.types';

const { leadBatches, leads, verificationResults } = schema;

// one JSON document per table in the single statement; larger batches go in chunks, in a transaction
const ONE_STATEMENT_MAX_ROWS = 5000;

export interface SubmissionWrite {
  batchId: string;
  sellerOrgId: string;
  submittedBy: string | null;
  source: string;
  total: number;
  now: Date;
  rows: (typeof leads.$inferInsert)[];
  /** one per submitted lead; a lead whose certificate claim is lost loses its `lead` here */
  results: { index: number; lead: { id: string } | null; issues: LeadIssue[] }[];
  claims: { leadId: string; certificateId: string }[];
}

export async function storeSubmission(db: Db, w: SubmissionWrite): Promise<{ accepted: number; status: BatchStatus }> {
  try {
    if (!w.claims.length && w.rows.length <= ONE_STATEMENT_MAX_ROWS) {
      return await storeInOneStatement(db, w);
    }
    return await db.transaction((tx) => storeInTransaction(tx, w));
  } catch (err) {
    if (isUniqueViolation(err, 'leads_seller_external_uq')) {
      // a concurrent batch took the same externalId between our check and this insert
      throw new DomainError('EXTERNAL_ID_TAKEN', 'A lead with one of these externalIds was submitted at the same time; resubmit to see which');
    }
    throw err;
  }
}

function batchRow(w: SubmissionWrite, accepted: number, status: BatchStatus): typeof leadBatches.$inferInsert {
  return {
    id: w.batchId,
    sellerOrgId: w.sellerOrgId,
    submittedBy: w.submittedBy,
    source: w.source,
    total: w.total,
    accepted,
    rejected: w.total - accepted,
    status,
    createdAt: w.now,
  };
}

function findingRows(w: SubmissionWrite): (typeof verificationResults.$inferInsert)[] {
  return w.results.flatMap((r) =>
    r.issues.map((issue) => ({
      id: newId('vrs'),
      batchId: w.batchId,
      leadId: r.lead?.id ?? null,
      rowIndex: r.index,
      stage: 'SUBMISSION',
      code: issue.code,
      field: issue.field,
      message: issue.message,
      severity: issue.severity,
      createdAt: w.now,
    })),
  );
}

async function storeInOneStatement(db: Db, w: SubmissionWrite): Promise<{ accepted: number; status: BatchStatus }> {
  const accepted = w.rows.length;
  const status = initialBatchStatus(accepted);
  const findings = findingRows(w);
  // foreign keys (lead → batch, finding → lead) are checked at the end of the statement, so one statement may
  // insert parent and child rows alike
  const parts: SQL[] = [insertFromJson(leadBatches, jsonRecords(leadBatches, [batchRow(w, accepted, status)]))];
  if (w.rows.length) parts.push(insertFromJson(leads, jsonRecords(leads, w.rows, LEAD_ROW_DEFAULTS)));
  if (findings.length) parts.push(insertFromJson(verificationResults, jsonRecords(verificationResults, findings)));
  await writeInOneStatement(db, parts);
  return { accepted, status };
}

async function storeInTransaction(tx: Db, w: SubmissionWrite): Promise<{ accepted: number; status: BatchStatus }> {
  // a certificate a concurrent batch claimed first: its lead here is rejected, the rest of the batch goes on
  const lost = await claimCertificates(tx, w.claims);
  if (lost.size) {
    w.rows.splice(0, w.rows.length, ...w.rows.filter((r) => !lost.has(r.id!)));
    for (const r of w.results) if (r.lead && lost.has(r.lead.id)) Object.assign(r, { lead: null, issues: [...r.issues, CERTIFICATE_REUSED_ISSUE] });
  }
  const accepted = w.rows.length;
  const status = initialBatchStatus(accepted);
  await tx.insert(leadBatches).values(batchRow(w, accepted, status));
  // chunks keep each JSON document a bounded size
  await insertLeadRows(tx, w.rows);
  await insertRowsAsJson(tx, verificationResults, findingRows(w));
  return { accepted, status };
}
