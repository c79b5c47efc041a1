// The raw-SQL baseline of lead ingest: the rows submitLeads wrote, cloned with fresh ids and inserted
// with hand-built multi-row INSERTs through postgres-js, with no checks, hashing or encryption.
import { newId } from '@leadex/core/domain/shared/ids';
import type { LeadRow } from '@leadex/core/domain/leads/submit-leads';
import { schema } from '../../db/src/index';
import type { RawSql } from './bench-runtime';

type RowKey = keyof LeadRow;

// every column submitLeads sets, with its SQL name (from the drizzle table, so the two cannot drift)
const COLUMNS: { key: RowKey; name: string }[] = (
  [
    'id',
    'batchId',
    'sellerOrgId',
    'externalId',
    'segment',
    'subsegment',
    'country',
    'region',
    'city',
    'postalCode',
    'geoTier',
    'kind',
    'temperature',
    'score',
    'sourceChannel',
    'capturedAt',
    'exclusivity',
    'maxSales',
    'status',
    'verification',
    'askingPrice',
    'price',
    'currency',
    'attributes',
    'signals',
    'formFillSeconds',
    'previewName',
    'previewPhone',
    'previewEmail',
    'contactSealed',
    'contactKeyId',
    'phoneHash',
    'emailHash',
    'ipHash',
    'expiresAt',
    'createdAt',
  ] as const
).map((key) => ({ key, name: schema.leads[key].name }));

const JSON_KEYS = new Set<RowKey>(['attributes', 'signals']);

/** Copies of rows already written, under a new batch and new ids: the same values, ready to insert again. */
export function cloneLeadRows(rows: LeadRow[], batchId: string): LeadRow[] {
  return rows.map((r) => ({ ...r, id: newId('lead'), batchId, externalId: null }));
}

function values(row: LeadRow): unknown[] {
  return COLUMNS.map(({ key }) => {
    const v = row[key];
    if (JSON_KEYS.has(key)) return JSON.stringify(v);
    return v instanceof Date ? v.toISOString() : (v ?? null);
  });
}

function insertText(rowCount: number): string {
  const n = COLUMNS.length;
  const tuples = Array.from({ length: rowCount }, (_, r) => `(${COLUMNS.map((_, c) => `$${r * n + c + 1}`).join(',')})`);
  return `insert into leads (${COLUMNS.map((c) => c.name).join(',')}) values ${tuples.join(',')}`;
}

export async function insertBatchRow(sql: RawSql, batchId: string, sellerOrgId: string, total: number, now: Date): Promise<void> {
  await sql.unsafe(
    `insert into lead_batches (id, seller_org_id, submitted_by, source, total, accepted, rejected, status, created_at)
     values ($1, $2, null, 'GRAPHQL', $3, $3, 0, 'PENDING_VERIFICATION', $4)`,
    [batchId, sellerOrgId, total, now.toISOString()],
  );
}

/** One batch row and the leads in 1,000-row multi-row INSERTs, in one transaction (as submitLeads chunks them). */
export async function insertLeadBatchRaw(sql: RawSql, rows: LeadRow[], sellerOrgId: string, now: Date, chunk = 1000): Promise<void> {
  const batchId = rows[0]!.batchId;
  await sql.begin(async (tx) => {
    await insertBatchRow(tx, batchId, sellerOrgId, rows.length, now);
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      await tx.unsafe(insertText(part.length), part.flatMap(values));
    }
  });
}

const SINGLE_INSERT = insertText(1);

/** One single-row INSERT, committed on its own. */
export async function insertOneLeadRaw(sql: RawSql, row: LeadRow): Promise<void> {
  await sql.unsafe(SINGLE_INSERT, values(row));
}
