// Bulk insert of lead rows as one JSON parameter (jsonb_populate_recordset): building a 1,000-row
// multi-VALUES statement in drizzle cost more than the insert itself (bench/ingest), and a JSON document is
// one bind parameter however many rows it holds.
import { getTableColumns, sql } from 'drizzle-orm';
import { schema, type Db } from '@leadex/db';

const { leads } = schema;
type LeadInsert = typeof leads.$inferInsert;

// column name in SQL for each property, and the defaults the table would fill (populate_recordset does not)
const COLUMNS = Object.entries(getTableColumns(leads)).map(([key, column]) => ({ key, name: column.name }));
const DEFAULTS: Partial<Record<keyof LeadInsert, unknown>> = { salesCount: 0, reservedCount: 0, verification: 'UNVERIFIED', attributes: {}, signals: [] };

function toRecord(row: LeadInsert): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, name } of COLUMNS) {
    const value = (row as Record<string, unknown>)[key] ?? DEFAULTS[key as keyof LeadInsert] ?? null;
    out[name] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

export async function insertLeadRows(tx: Db, rows: LeadInsert[], chunk = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk).map(toRecord));
    await tx.execute(sql`INSERT INTO leads SELECT * FROM jsonb_populate_recordset(NULL::leads, ${json}::jsonb)`);
  }
}
