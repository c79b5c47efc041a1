// CSV import: the same rules as submitLeads, with every malformed row rejected on its own.
import type { Readable } from 'node:stream';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireScope, type Actor } from '../auth/access';
import { csvReadError, readCsvRecords, recordToLeadInput } from './lead-csv';
import { submitLeads, type SubmittedBatch } from './submit-leads';

/** How the caller hands over the file: opened only after the role check, so a stranger's upload is never read. */
export type OpenCsvFile = () => Readable | Promise<Readable>;

export async function importLeadsCsv(deps: AppDeps, actor: Actor | null, openFile: OpenCsvFile): Promise<SubmittedBatch> {
  requireCapability(requireScope(actor, 'leads:write', 'SELLER'), 'TRADE');
  let stream: Readable;
  try {
    stream = await openFile();
  } catch (err) {
    // the upload may already have failed before we asked for it (too large, or the client went away)
    throw csvReadError(err);
  }
  const records = await readCsvRecords(stream, deps.config.MAX_BATCH_SIZE);
  return submitLeads(deps, actor, records.map(recordToLeadInput), { source: 'CSV', shapeErrors: 'reject-row' });
}
