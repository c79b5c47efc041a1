// CSV for downloads people open in a spreadsheet: no cell can run as a formula (OWASP "CSV Injection").
import { stringify } from 'csv-stringify/sync';

// what a spreadsheet reads as the start of a formula, with the full-width twins Apple Numbers folds into them
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Writes rows of text cells. A cell starting like a formula gets a leading `'` (csv-stringify's
 * `escape_formulas`, the OWASP rule) and is always quoted, so the quote and the cell stay one field.
 */
export function toSafeCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { escape_formulas: true, quoted_match: FORMULA_START });
}
