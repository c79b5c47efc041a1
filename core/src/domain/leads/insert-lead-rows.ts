// Bulk insert of lead rows as JSON documents (shared/bulk-sql.ts): building a 1,000-row multi-VALUES
// statement in drizzle cost more than the insert itself (bench/ingest).
import { schema, type Db } from '@leadex/db';
import { insertRowsAsJson } from '../shared/bulk-sql';

const { leads } = schema;
type LeadInsert = typeof leads.$inferInsert;

// the defaults the table would fill (populate_recordset does not)
export const LEAD_ROW_DEFAULTS: Partial<LeadInsert> = { salesCount: 0, reservedCount: 0, verification: 'UNVERIFIED', attributes: {}, signals: [] };

export async function insertLeadRows(tx: Db, rows: LeadInsert[], chunk = 5000): Promise<void> {
  await insertRowsAsJson(tx, leads, rows, LEAD_ROW_DEFAULTS, chunk);
}
