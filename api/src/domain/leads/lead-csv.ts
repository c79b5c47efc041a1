// The CSV format for lead imports: columns, the downloadable template, and row → lead input mapping.
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Readable } from 'node:stream';
import { badInput } from '../shared/domain-error';

/** Column → LeadInput path. Segment attributes go in columns named `attr.<name>`. */
export const CSV_COLUMNS: [column: string, path: string][] = [
  ['segment', 'segment'], ['subsegment', 'subsegment'], ['country', 'country'], ['region', 'region'], ['city', 'city'],
  ['postal_code', 'postalCode'], ['full_name', 'fullName'], ['phone', 'phone'], ['email', 'email'], ['social_url', 'socialUrl'],
  ['preferred_contact_time', 'preferredContactTime'], ['kind', 'kind'], ['temperature', 'temperature'],
  ['source_channel', 'sourceChannel'], ['captured_at', 'capturedAt'], ['consent_text', 'consent.text'],
  ['consent_timestamp', 'consent.timestamp'], ['consent_ip', 'consent.ip'], ['consent_page_url', 'consent.pageUrl'],
  ['exclusivity', 'exclusivity'], ['max_sales', 'maxSales'], ['asking_price', 'askingPrice'],
  ['form_fill_seconds', 'formFillSeconds'], ['ip', 'ip'], ['user_agent', 'userAgent'], ['external_id', 'externalId'],
];
const PATH_BY_COLUMN = new Map(CSV_COLUMNS);
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export function csvTemplate(): string {
  const example = {
    segment: 'AUTO_TEST_DRIVE', subsegment: '', country: 'US', region: 'US-CA', city: 'Los Angeles', postal_code: '90012',
    full_name: 'Maria Lopez', phone: '+14155552671', email: 'maria.lopez@example.org', social_url: '', preferred_contact_time: 'weekdays after 6pm',
    kind: 'INTERESTED', temperature: 'HOT', source_channel: 'CONTEXT_ADS', captured_at: '2026-11-20T10:15:00Z',
    consent_text: 'I agree to be contacted about a test drive.', consent_timestamp: '2026-11-20T10:15:00Z', consent_ip: '203.0.113.7',
    consent_page_url: 'https://dealer.example/test-drive', exclusivity: 'SHARED', max_sales: '3', asking_price: '', form_fill_seconds: '48',
    ip: '203.0.113.7', user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36', external_id: 'crm-1001', 'attr.brand': 'Toyota', 'attr.model': 'Corolla',
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

/** Reads every record of a CSV stream (header row first). Structural CSV errors refuse the file. */
export async function readCsvRecords(stream: Readable, maxRows: number): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  let bytes = 0;
  const parser = stream.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }));
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_CSV_BYTES) stream.destroy(new Error(`file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`));
  });
  try {
    for await (const record of parser) {
      records.push(record as Record<string, string>);
      if (records.length > maxRows) throw new Error(`more than ${maxRows} rows`);
    }
  } catch (err) {
    throw badInput([{ path: 'file', message: `not a readable lead CSV: ${(err as Error).message}` }]);
  }
  if (!records.length) throw badInput([{ path: 'file', message: 'the file has no rows under its header' }]);
  return records;
}
