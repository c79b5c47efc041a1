// Decodes Stripe's form bodies and query strings (`a[b][0][c]=v`, `expand[]=x`) into nested objects and arrays.

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const MAX_PAIRS = 2000;
const MAX_DEPTH = 12;
// keys that would reach Object.prototype through plain-object assignment
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function splitKey(key: string): string[] | null {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (let m = pattern.exec(rest); m; m = pattern.exec(rest)) {
    if (m.index !== consumed) return null;
    segments.push(m[1]!);
    consumed = pattern.lastIndex;
  }
  return consumed === rest.length && segments[0] !== '' ? segments : null;
}

function isIndex(segment: string): boolean {
  return /^(0|[1-9]\d{0,5})$/.test(segment);
}

/** Objects whose keys are all array indexes become arrays (in index order, holes dropped). */
function finalize(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = finalize(value[k]!);
  if (keys.length > 0 && keys.every(isIndex)) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]!);
  }
  return value;
}

export function decodeForm(text: string): FormObject {
  const root: FormObject = {};
  let pairs = 0;
  for (const [rawKey, value] of new URLSearchParams(text)) {
    if (++pairs > MAX_PAIRS) break;
    const segments = splitKey(rawKey) ?? [rawKey];
    if (segments.length > MAX_DEPTH || segments.some((s) => FORBIDDEN_KEYS.has(s))) continue;
    let node: FormObject = root;
    for (let i = 0; i < segments.length; i++) {
      // `[]` appends: its index is the number of entries already there
      const segment = segments[i] === '' ? String(Object.keys(node).length) : segments[i]!;
      if (i === segments.length - 1) {
        node[segment] = value;
        break;
      }
      const next = node[segment];
      if (typeof next === 'object' && !Array.isArray(next)) {
        node = next;
      } else {
        const child: FormObject = {};
        node[segment] = child;
        node = child;
      }
    }
  }
  for (const k of Object.keys(root)) root[k] = finalize(root[k]!);
  return root;
}
