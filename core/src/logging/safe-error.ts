// The logger's `err` serializer: what an error may say in a log line. Database errors keep the driver
// code, constraint, table and SQL text, never the bound parameters (drizzle puts every one in its
// message: phones, e-mails, password hashes); every message is scrubbed of contact-shaped text.

const MAX_CAUSE_DEPTH = 4;
const MAX_SQL_LENGTH = 2000;
// primitive properties that describe an error without carrying user data
const SAFE_PROPS = ['code', 'errno', 'syscall', 'status', 'statusCode', 'reason'] as const;

const EMAIL = /[^\s@"'`<>()[\]{},;:=]+@[^\s@"'`<>()[\]{},;:=]+\.[a-z]{2,}/giu;
// a run of 7+ digits, possibly with a leading + and spaces, dots, dashes or parentheses between them
const PHONE_LIKE = /\+?\(?\d[\d\s().-]{5,}\d/gu;
const ARGON2 = /\$argon2(?:id|i|d)\$[^\s'",)]*/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/u;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/u;

function scrubPhone(match: string): string {
  const digits = match.replace(/\D/gu, '').length;
  if (digits < 7 || ISO_DATE.test(match) || DOTTED_QUAD.test(match.trim())) return match;
  return '[phone]';
}

/** Replaces anything that looks like an e-mail, a phone number or a password hash. */
export function scrubText(text: string): string {
  return text.replace(ARGON2, '[password-hash]').replace(EMAIL, '[email]').replace(PHONE_LIKE, scrubPhone);
}

/**
 * Cuts the parameter list off a query-error message ("Failed query: … \nparams: …") and the value out of a
 * Postgres "Key (email)=(…)" detail.
 */
export function withoutParameters(message: string): string {
  const cut = message.search(/\n?\s*params:\s/iu);
  const head = cut >= 0 ? message.slice(0, cut) : message;
  return head.replace(/\(([^()]*)\)=\((?:[^()]|\([^()]*\))*\)/gu, '($1)=(…)');
}

/** SQL text without string literals (parameters are $n placeholders already), bounded in length. */
export function safeSql(sql: string): string {
  const noLiterals = sql.replace(/'(?:[^']|'')*'/gu, "'?'");
  return noLiterals.length > MAX_SQL_LENGTH ? `${noLiterals.slice(0, MAX_SQL_LENGTH)}…` : noLiterals;
}

/** An error message as it may be logged: no bound parameters, nothing shaped like contact data or a hash. */
export function safeMessage(message: string): string {
  return scrubText(withoutParameters(message));
}

// Postgres (postgres-js, PGlite) error fields, under either driver's name
const DB_FIELDS: [string, string[]][] = [
  ['severity', ['severity']],
  ['schema', ['schema_name', 'schema']],
  ['table', ['table_name', 'table']],
  ['column', ['column_name', 'column']],
  ['constraint', ['constraint_name', 'constraint']],
  ['routine', ['routine']],
];

function serialize(err: unknown, depth: number): unknown {
  if (typeof err === 'string') return safeMessage(err);
  if (err === null || typeof err !== 'object') return err;
  const source = err as Record<string, unknown>;
  const name = typeof source.name === 'string' ? source.name : (err.constructor?.name ?? 'Error');
  const message = typeof source.message === 'string' ? safeMessage(source.message) : '';
  const out: Record<string, unknown> = { type: err.constructor?.name ?? name, message };
  for (const prop of SAFE_PROPS) {
    const value = source[prop];
    if (typeof value === 'string' || typeof value === 'number') out[prop] = typeof value === 'string' ? scrubText(value) : value;
  }
  for (const [key, names] of DB_FIELDS) {
    const value = names.map((n) => source[n]).find((v) => typeof v === 'string');
    if (typeof value === 'string') out[key] = value;
  }
  if (typeof source.query === 'string') out.sql = safeSql(source.query);
  if (typeof source.stack === 'string') {
    // the stack's first lines repeat the raw message: rebuild it from the safe one
    const frames = source.stack.split('\n').filter((line) => /^\s+at /u.test(line));
    out.stack = [`${name}: ${message}`, ...frames].join('\n');
  }
  if (source.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    const cause = serialize(source.cause, depth + 1);
    out.cause = cause;
    // drizzle wraps the driver's error: lift its code so `err.code` is the SQLSTATE (e.g. 23505)
    if (out.code === undefined && cause && typeof cause === 'object' && 'code' in cause) out.code = (cause as { code: unknown }).code;
  }
  if (Array.isArray(source.errors) && depth < MAX_CAUSE_DEPTH) out.errors = source.errors.slice(0, 10).map((e) => serialize(e, depth + 1));
  return out;
}

/** pino serializer for `err` (and `error`): strings and Error objects alike. */
export function safeErrorSerializer(err: unknown): unknown {
  return serialize(err, 0);
}
