// Text no store can keep and no honest client sends: NUL characters (PostgreSQL text and jsonb refuse them,
// failing the whole statement) and lone UTF-16 surrogates (not Unicode; they turn into U+FFFD or errors on the
// way to the database). One check, used at the edge for every request and again by `parseInput`.
import { badInput, type FieldError } from './domain-error';

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const printable = (text: string) => text.replace(new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g'), '\uFFFD');

/** Why a string cannot be accepted, or null when it can. */
export function unsafeTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const childPath = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/**
 * Every string in a JSON-like value (object keys included) that holds NUL or a lone surrogate, as field errors
 * with their paths (`input[0].fullName`). Walks iteratively, so a deeply nested body cannot exhaust the stack;
 * values that are not plain data (uploads, dates) are skipped. Stops after `max` findings.
 */
export function findUnsafeText(value: unknown, prefix = '', max = 20): FieldError[] {
  const found: FieldError[] = [];
  // [value, path, why its key is unsafe]: keys are reported in document order with the values
  const stack: [unknown, string, string | null][] = [[value, prefix, null]];
  while (stack.length && found.length < max) {
    const [current, path, keyReason] = stack.pop()!;
    if (keyReason) {
      found.push({ path, message: `field name ${keyReason}` });
    } else if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) found.push({ path, message: reason });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], childPath(path, i), null]);
    } else if (isPlainObject(current)) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const reason = unsafeTextReason(key);
        // the path echoes the key, so the offending characters are shown as U+FFFD
        stack.push([current[key], childPath(path, reason ? printable(key) : key), reason]);
      }
    }
  }
  return found;
}

/** Throws BAD_USER_INPUT naming each offending path when any string in `value` is unsafe. */
export function assertSafeText(value: unknown, prefix = ''): void {
  const fields = findUnsafeText(value, prefix);
  if (fields.length) throw badInput(fields, 'Some text holds characters that cannot be stored');
}
