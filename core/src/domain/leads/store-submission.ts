// The write of a submission: the batch row, its accepted leads and every finding, all or nothing. A submission
// without consent-certificate claims is one statement (data-modifying CTEs, atomic like a transaction): one
// round trip instead of BEGIN, three INSERTs and COMMIT, which is most of a single-lead call's client time
// (bench/ingest); and concurrent ones share a statement and its commit (shared/group-writer.ts). Claims need
// their answer before the rows are final, so they keep the transaction.
import { schema, type BatchStatus, type Db } from '@leadex/db';
import type { SQL } from 'drizzle-orm';
import { CERTIFICATE_REUSED_ISSUE, claimCertificates } from '../consent/verify-certificate';
import { insertFromJson, insertRowsAsJson, jsonRecords } from '../shared/bulk-sql';
import { GroupWriter } from '../shared/group-writer';
import { isTransaction } from '../shared/one-round-trip';
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
// group commit: at most this many submission statements on their way at once; the ones that arrive meanwhile wait
// and go together in the next (bench/ingest's 20 concurrent single-lead clients: most statements carry several)
const GROUP_MAX_IN_FLIGHT = 2;

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

export type StoredSubmission = { accepted: number; status: BatchStatus };

export async function storeSubmission(db: Db, w: SubmissionWrite): Promise<StoredSubmission> {
  try {
    if (!w.claims.length && w.rows.length <= ONE_STATEMENT_MAX_ROWS) {
      // outside a transaction, concurrent submissions share one statement (group commit)
      return isTransaction(db) ? (await storeInOneStatement(db, [w]))[0]! : await groupWriterOf(db).store(w);
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

/**
 * The submissions' batch rows, accepted leads and findings in one statement, all or none (a statement is atomic,
 * like a transaction); one JSON document per table whatever their number. Foreign keys (lead → batch, finding →
 * lead) are checked at the end of the statement, so parents and children go in the same one.
 */
async function storeInOneStatement(db: Db, submissions: readonly SubmissionWrite[]): Promise<StoredSubmission[]> {
  const stored = submissions.map((w) => ({ accepted: w.rows.length, status: initialBatchStatus(w.rows.length) }));
  const batches = submissions.map((w, i) => batchRow(w, stored[i]!.accepted, stored[i]!.status));
  const rows = submissions.flatMap((w) => w.rows);
  const findings = submissions.flatMap(findingRows);
  const parts: SQL[] = [insertFromJson(leadBatches, jsonRecords(leadBatches, batches))];
  if (rows.length) parts.push(insertFromJson(leads, jsonRecords(leads, rows, LEAD_ROW_DEFAULTS)));
  if (findings.length) parts.push(insertFromJson(verificationResults, jsonRecords(verificationResults, findings)));
  await writeInOneStatement(db, parts);
  return stored;
}

const groupWriters = new WeakMap<Db, GroupWriter<SubmissionWrite, StoredSubmission>>();

/** The handle's group writer (one per pool: its statements go on the pool's connections). */
function groupWriterOf(db: Db): GroupWriter<SubmissionWrite, StoredSubmission> {
  let writer = groupWriters.get(db);
  if (!writer) {
    writer = new GroupWriter((group) => storeInOneStatement(db, group), {
      maxInFlight: GROUP_MAX_IN_FLIGHT,
      maxWeight: ONE_STATEMENT_MAX_ROWS,
      weight: (w) => w.rows.length + 1,
    });
    groupWriters.set(db, writer);
  }
  return writer;
}

async function storeInTransaction(tx: Db, w: SubmissionWrite): Promise<StoredSubmission> {
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
