// The CSV format for lead imports: columns, the downloadable template, and row → lead input mapping.
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badInput, DomainError } from '../shared/domain-error';

/** Column → LeadInput path. Segment attributes go in columns named `attr.<name>`. */
export const CSV_COLUMNS: [column: string, path: string][] = [
  ['segment', 'segment'],
  ['subsegment', 'subsegment'],
  ['country', 'country'],
  ['region', 'region'],
  ['city', 'city'],
  ['postal_code', 'postalCode'],
  ['full_name', 'fullName'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['social_url', 'socialUrl'],
  ['preferred_contact_time', 'preferredContactTime'],
  ['kind', 'kind'],
  ['temperature', 'temperature'],
  ['source_channel', 'sourceChannel'],
  ['captured_at', 'capturedAt'],
  ['consent_text', 'consent.text'],
  ['consent_timestamp', 'consent.timestamp'],
  ['consent_ip', 'consent.ip'],
  ['consent_page_url', 'consent.pageUrl'],
  ['consent_certificate_id', 'consent.certificateId'],
  ['exclusivity', 'exclusivity'],
  ['max_sales', 'maxSales'],
  ['asking_price', 'askingPrice'],
  ['form_fill_seconds', 'formFillSeconds'],
  ['ip', 'ip'],
  ['user_agent', 'userAgent'],
  ['external_id', 'externalId'],
];
const PATH_BY_COLUMN = new Map(CSV_COLUMNS);
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
const MAX_CSV_RECORD_CHARS = 64 * 1024;

/**
 * The template with an example row that imports as-is: captured `now` minus ten minutes (a fixed date would
 * age past the segment's shelf life), and a contact of its own per download (`tag`, a few hex characters),
 * so a second download is not a duplicate of the first.
 */
export function csvTemplate(now: Date, tag: string): string {
  const captured = new Date(Math.floor(now.getTime() / 1000) * 1000 - 10 * 60_000).toISOString().replace('.000Z', 'Z');
  // a US number in the fictional-looking 415 range the fixtures use, seven digits derived from the tag
  const digits = String(2_000_000 + (parseInt(tag.slice(0, 6) || '0', 16) % 7_000_000)).padStart(7, '0');
  const example = {
    segment: 'AUTO_TEST_DRIVE',
    subsegment: '',
    country: 'US',
    region: 'US-CA',
    city: 'Los Angeles',
    postal_code: '90012',
    full_name: 'Maria Lopez',
    phone: `+1415${digits}`,
    email: `maria.lopez.${tag}@example.org`,
    social_url: '',
    preferred_contact_time: 'weekdays after 6pm',
    kind: 'INTERESTED',
    temperature: 'HOT',
    source_channel: 'CONTEXT_ADS',
    captured_at: captured,
    consent_text: 'I agree to be contacted about a test drive.',
    consent_timestamp: captured,
    consent_ip: '203.0.113.7',
    consent_page_url: 'https://dealer.example/test-drive',
    exclusivity: 'SHARED',
    max_sales: '3',
    asking_price: '',
    form_fill_seconds: '48',
    ip: '203.0.113.7',
    user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
    external_id: `crm-${tag}`,
    'attr.brand': 'Toyota',
    'attr.model': 'Corolla',
  } as Record<string, string>;
  const header = [...CSV_COLUMNS.map(([c]) => c), 'attr.brand', 'attr.model'];
  return stringify([header, header.map((h) => example[h] ?? '')]);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (!tail) target[head] = value;
  else target[head] = { ...((target[head] as object) ?? {}), [tail]: value };
}

/** One CSV record → a raw lead input (validated later, row by row). Empty cells are left out. */
export function recordToLeadInput(record: Record<string, string>): Record<string, unknown> {
  const lead: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(record)) {
    const value = raw?.trim();
    if (!value) continue;
    const key = column.trim().toLowerCase();
    if (key.startsWith('attr.')) attributes[column.trim().slice(5)] = value;
    else {
      const path = PATH_BY_COLUMN.get(key);
      if (path) setPath(lead, path, value);
    }
  }
  if (Object.keys(attributes).length) lead.attributes = attributes;
  return lead;
}

/** Reads every record of a CSV stream (header row first). Structural CSV errors refuse the file; a file over
 *  MAX_CSV_BYTES is UPLOAD_TOO_LARGE and a stream that breaks off (client gone, upload cut) is UPLOAD_FAILED.
 *  Nothing is returned until the whole file has been read, so a broken upload never leaves half a batch. */
export async function readCsvRecords(stream: Readable, maxRows: number, maxBytes = MAX_CSV_BYTES): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  let bytes = 0;
  // pipeline, not .pipe(): an 'error' on any stage rejects here instead of going unhandled and killing the process
  try {
    await pipeline(
      stream,
      async function* limitBytes(source: AsyncIterable<Buffer | string>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          if (bytes > maxBytes) throw new FileTooLarge();
          yield chunk;
        }
      },
      // a lead row is a few KB; one endless field would otherwise be buffered (and scanned) up to the size limit
      parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false, max_record_size: MAX_CSV_RECORD_CHARS }),
      async (rows: AsyncIterable<Record<string, string>>) => {
        for await (const record of rows) {
          records.push(record);
          if (records.length > maxRows) throw new TooManyRows(maxRows);
        }
      },
    );
  } catch (err) {
    throw csvReadError(err);
  }
  if (!records.length) throw badInput([{ path: 'file', message: 'the file has no rows under its header' }]);
  return records;
}

class FileTooLarge extends Error {}
class TooManyRows extends Error {
  constructor(maxRows: number) {
    super(`more than ${maxRows} rows`);
  }
}

const TOO_LARGE_MESSAGE = `the file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`;

export function uploadTooLarge(): DomainError {
  return new DomainError('UPLOAD_TOO_LARGE', TOO_LARGE_MESSAGE, [{ path: 'file', message: TOO_LARGE_MESSAGE }]);
}

/** Why reading a lead CSV failed, as the error the caller sees. Also used for failures opening the upload. */
export function csvReadError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  // graphql-upload cuts a file at its maxFileSize with an http-errors 413 ("File truncated as it exceeds …")
  if (err instanceof FileTooLarge || (err as { status?: number } | null)?.status === 413) return uploadTooLarge();
  if (err instanceof CsvError || err instanceof TooManyRows) {
    return badInput([{ path: 'file', message: `not a readable lead CSV: ${err.message}` }]);
  }
  // anything else is the transport: a client that went away mid-file, a premature close, a temp-file failure
  return new DomainError('UPLOAD_FAILED', 'The upload broke off before the whole file arrived; send it again', [
    { path: 'file', message: 'the upload did not complete' },
  ]);
}
