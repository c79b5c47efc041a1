// A buyer's suppression CSV (columns phone, email, optional country) read into contacts, and sent in chunks:
// a chunk the API refuses for some rows is sent again without them, and those rows are reported by line.

export interface SuppressionRow {
  line: number;
  phone: string | null;
  email: string | null;
  country: string | null;
}
export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

/** The API takes at most this many contacts a call (MAX_SUPPRESSIONS_PER_CALL). */
export const CHUNK_SIZE = 1000;

// RFC 4180: quoted cells may hold commas, doubled quotes and line breaks
function records(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = '';
      line += 1;
      start = line;
    } else cell += ch;
  }
  if (cell || cells.length) {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  return out.filter((r) => r.cells.some((c) => c.trim()));
}

/** Rows of the file (line 1 is the header), or why the file cannot be read. */
export function parseSuppressionCsv(text: string): { rows: SuppressionRow[]; errors: RowError[]; fileError: string | null } {
  const [header, ...body] = records(text.replace(/^\uFEFF/, ''));
  if (!header) return { rows: [], errors: [], fileError: 'The file is empty.' };
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('phone') < 0 && at('email') < 0) return { rows: [], errors: [], fileError: 'The header row needs a phone or an email column.' };
  const rows: SuppressionRow[] = [];
  const errors: RowError[] = [];
  for (const r of body) {
    const cell = (name: string) => (at(name) >= 0 ? r.cells[at(name)]?.trim() || null : null);
    const row = { line: r.line, phone: cell('phone'), email: cell('email'), country: cell('country') };
    if (!row.phone && !row.email) errors.push({ line: r.line, column: null, message: 'no phone and no e-mail' });
    else rows.push(row);
  }
  return { rows, errors, fileError: null };
}

export function toContactInput(row: SuppressionRow) {
  return { phone: row.phone, email: row.email, ...(row.country ? { country: row.country } : {}) };
}

export interface FieldProblem {
  path: string;
  message: string;
}
export type SendChunk = (contacts: ReturnType<typeof toContactInput>[]) => Promise<{ ok: true } | { ok: false; fields: FieldProblem[]; message: string }>;

/** `contacts[3].phone` → index 3 and column "phone"; null for a problem not about one entry. */
export function entryOf(path: string): { index: number; column: string | null } | null {
  const m = /^contacts\[(\d+)\](?:\.(\w+))?$/.exec(path);
  return m ? { index: Number(m[1]), column: m[2] ?? null } : null;
}

/**
 * Sends the rows in chunks. A chunk refused for some entries is sent once more without them; anything else
 * stops the upload (the rows already sent stay on the list). Progress is the share of rows handled.
 */
export async function sendInChunks(
  rows: SuppressionRow[],
  send: SendChunk,
  onProgress: (share: number) => void,
): Promise<{ sent: number; errors: RowError[]; stopped: string | null }> {
  const errors: RowError[] = [];
  let sent = 0;
  for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
    let chunk = rows.slice(i, i + CHUNK_SIZE);
    for (let attempt = 0; attempt < 2 && chunk.length; attempt += 1) {
      const answer = await send(chunk.map(toContactInput));
      if (answer.ok) {
        sent += chunk.length;
        break;
      }
      const entries = answer.fields.map((f) => ({ f, e: entryOf(f.path) }));
      if (attempt === 1 || !entries.length || entries.some((x) => !x.e)) return { sent, errors, stopped: answer.message };
      const bad = new Set(entries.map((x) => x.e!.index));
      for (const { f, e } of entries) errors.push({ line: chunk[e!.index]!.line, column: e!.column, message: f.message });
      chunk = chunk.filter((_, k) => !bad.has(k));
    }
    onProgress(Math.min(1, (i + CHUNK_SIZE) / rows.length));
  }
  return { sent, errors: errors.sort((a, b) => a.line - b.line), stopped: null };
}
