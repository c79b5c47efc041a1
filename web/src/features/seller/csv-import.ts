// The CSV import's answer (POST /leads/csv) read defensively, and its findings as table rows: the sheet's
// row number (index + 2: the header is row 1) and the CSV column a LeadInput path came from.
import type { IssueSeverity } from '../../gql/graphql';

export interface CsvIssue {
  code: string;
  field: string | null;
  message: string;
  severity: IssueSeverity;
}

export interface CsvImportResult {
  id: string;
  accepted: number;
  rejected: number;
  results: { index: number; leadId: string | null; issues: CsvIssue[] }[];
}

// the API's column table (core/src/domain/leads/lead-csv.ts), reversed; attributes are `attr.<name>`
const COLUMN_BY_PATH: Record<string, string> = {
  segment: 'segment',
  subsegment: 'subsegment',
  country: 'country',
  region: 'region',
  city: 'city',
  postalCode: 'postal_code',
  fullName: 'full_name',
  phone: 'phone',
  email: 'email',
  socialUrl: 'social_url',
  preferredContactTime: 'preferred_contact_time',
  kind: 'kind',
  temperature: 'temperature',
  sourceChannel: 'source_channel',
  capturedAt: 'captured_at',
  'consent.text': 'consent_text',
  'consent.timestamp': 'consent_timestamp',
  'consent.ip': 'consent_ip',
  'consent.pageUrl': 'consent_page_url',
  exclusivity: 'exclusivity',
  maxSales: 'max_sales',
  askingPrice: 'asking_price',
  formFillSeconds: 'form_fill_seconds',
  ip: 'ip',
  userAgent: 'user_agent',
  externalId: 'external_id',
};

/** "attributes.brand" → "attr.brand", "consent.text" → "consent_text"; unknown paths stay as they are. */
export function csvColumnOf(field: string | null): string | null {
  if (!field) return null;
  if (field.startsWith('attributes.')) return `attr.${field.slice('attributes.'.length)}`;
  return COLUMN_BY_PATH[field] ?? field;
}

export function csvRowNumber(index: number): number {
  return index + 2;
}

export function parseCsvImportResult(body: unknown): CsvImportResult | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.accepted !== 'number' || typeof b.rejected !== 'number' || !Array.isArray(b.results)) return null;
  return {
    id: typeof b.id === 'string' ? b.id : '',
    accepted: b.accepted,
    rejected: b.rejected,
    results: b.results.map((r: { index?: unknown; leadId?: unknown; issues?: unknown }) => ({
      index: typeof r.index === 'number' ? r.index : 0,
      leadId: typeof r.leadId === 'string' ? r.leadId : null,
      issues: Array.isArray(r.issues) ? (r.issues as CsvIssue[]) : [],
    })),
  };
}

export interface CsvIssueRow {
  row: number;
  rejected: boolean;
  column: string | null;
  code: string;
  message: string;
  severity: IssueSeverity;
}

/** One table row per finding, rejected rows first, then by row number. */
export function csvIssueRows(result: CsvImportResult): CsvIssueRow[] {
  return result.results
    .flatMap((r) =>
      r.issues.map((issue) => ({
        row: csvRowNumber(r.index),
        rejected: r.leadId === null,
        column: csvColumnOf(issue.field),
        code: issue.code,
        message: issue.message,
        severity: issue.severity,
      })),
    )
    .sort((a, b) => Number(b.rejected) - Number(a.rejected) || a.row - b.row);
}

/** The result box's colour: green only when every row was accepted, red when none was, amber between. */
export function csvResultTone(result: Pick<CsvImportResult, 'accepted' | 'rejected'>): 'success' | 'warn' | 'error' {
  if (result.accepted === 0) return 'error';
  return result.rejected === 0 ? 'success' : 'warn';
}
