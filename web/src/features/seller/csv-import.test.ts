import { csvColumnOf, csvIssueRows, csvResultTone, parseCsvImportResult } from './csv-import';

describe('CSV import results', () => {
  it('is green only when every row was accepted, red when none was, amber between', () => {
    expect(csvResultTone({ accepted: 3, rejected: 0 })).toBe('success');
    expect(csvResultTone({ accepted: 2, rejected: 1 })).toBe('warn');
    expect(csvResultTone({ accepted: 0, rejected: 4 })).toBe('error');
    expect(csvResultTone({ accepted: 0, rejected: 0 })).toBe('error');
  });

  it('names the CSV column a finding is about', () => {
    expect(csvColumnOf('fullName')).toBe('full_name');
    expect(csvColumnOf('consent.timestamp')).toBe('consent_timestamp');
    expect(csvColumnOf('attributes.brand')).toBe('attr.brand');
    expect(csvColumnOf('somethingNew')).toBe('somethingNew');
    expect(csvColumnOf(null)).toBeNull();
  });

  it('numbers rows as the spreadsheet does (header is row 1) and lists rejected rows first', () => {
    const result = parseCsvImportResult({
      id: 'bat_1',
      accepted: 1,
      rejected: 1,
      results: [
        { index: 0, leadId: 'lead_1', issues: [{ code: 'DISPOSABLE_EMAIL', field: 'email', message: 'disposable', severity: 'WARNING' }] },
        { index: 1, leadId: null, issues: [{ code: 'PHONE_INVALID', field: 'phone', message: 'bad phone', severity: 'ERROR' }] },
      ],
    })!;
    expect(csvIssueRows(result)).toEqual([
      { row: 3, rejected: true, column: 'phone', code: 'PHONE_INVALID', message: 'bad phone', severity: 'ERROR' },
      { row: 2, rejected: false, column: 'email', code: 'DISPOSABLE_EMAIL', message: 'disposable', severity: 'WARNING' },
    ]);
  });

  it('refuses bodies that are not an import result', () => {
    expect(parseCsvImportResult({ error: { code: 'BAD_USER_INPUT' } })).toBeNull();
    expect(parseCsvImportResult(null)).toBeNull();
  });
});
