// CSV import: the same rules as submitLeads, with every malformed row rejected on its own.
import type { Readable } from 'node:stream';
import type { AppDeps } from '../../context';
import { requireRole, type Actor } from '../auth/access';
import { readCsvRecords, recordToLeadInput } from './lead-csv';
import { submitLeads, type SubmittedBatch } from './submit-leads';

export async function importLeadsCsv(deps: AppDeps, actor: Actor | null, stream: Readable): Promise<SubmittedBatch> {
  requireRole(actor, 'SELLER');
  const records = await readCsvRecords(stream, deps.config.MAX_BATCH_SIZE);
  return submitLeads(deps, actor, records.map(recordToLeadInput), { source: 'CSV', shapeErrors: 'reject-row' });
}
