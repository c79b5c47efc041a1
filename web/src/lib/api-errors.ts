// API errors as the UI needs them: a code, a message, and field errors placed next to the input they
// concern. GraphQL `extensions.fields[].path` (e.g. "input[0].capturedAt"), LeadIssue.field
// (e.g. "attributes.brand") and the CSV route's `{ error: { fields } }` all end up as field keys.
import type { CombinedError } from '@urql/core';

export interface ApiFieldError {
  path: string;
  message: string;
}

export interface ApiError {
  /** extensions.code (docs/api.md), or NETWORK_ERROR when the server could not be reached */
  code: string;
  /** extensions.reason: the domain code, e.g. EMAIL_TAKEN */
  reason: string | null;
  message: string;
  fields: ApiFieldError[];
}

const NETWORK_MESSAGE = 'Could not reach the Leadex server. Check your connection and try again.';
const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';

function readFields(raw: unknown): ApiFieldError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f) => {
    if (!f || typeof f !== 'object') return [];
    const { path, message } = f as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}

// GraphQL variable coercion errors ("Variable "$input" got invalid value … at "input[0].capturedAt"; …")
// reach us without a path; the message names it.
function pathFromMessage(message: string): string {
  return /\bat "([^"]+)"/.exec(message)?.[1] ?? '';
}

/** A GraphQL (urql) error as an ApiError; null when there is none. */
export function apiErrorFromGraphql(error: CombinedError | null | undefined): ApiError | null {
  if (!error) return null;
  const [first] = error.graphQLErrors;
  if (first) {
    const ext = first.extensions ?? {};
    const fields = error.graphQLErrors.flatMap((e) => readFields(e.extensions?.fields).map((f) => (f.path ? f : { ...f, path: pathFromMessage(f.message) })));
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
    return {
      code,
      reason: typeof ext.reason === 'string' ? ext.reason : null,
      message: code === 'INTERNAL_SERVER_ERROR' && !first.message ? INTERNAL_MESSAGE : first.message,
      fields,
    };
  }
  if (error.networkError) return { code: 'NETWORK_ERROR', reason: null, message: NETWORK_MESSAGE, fields: [] };
  return { code: 'INTERNAL_SERVER_ERROR', reason: null, message: error.message || INTERNAL_MESSAGE, fields: [] };
}

/** The REST routes' error body `{ error: { code, message, fields } }` (or anything else) as an ApiError. */
export function apiErrorFromRest(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; reason?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  if (err && typeof err === 'object') {
    return {
      code: typeof err.code === 'string' ? err.code : `HTTP_${status}`,
      reason: typeof err.reason === 'string' ? err.reason : null,
      message: typeof err.message === 'string' ? err.message : `The server answered ${status}.`,
      fields: readFields(err.fields),
    };
  }
  if (status === 0) return { code: 'NETWORK_ERROR', reason: null, message: NETWORK_MESSAGE, fields: [] };
  return {
    code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : `HTTP_${status}`,
    reason: null,
    message: status >= 500 ? INTERNAL_MESSAGE : `The server answered ${status}.`,
    fields: [],
  };
}

const ROOT_ARGUMENTS = ['input', 'filter'];

/**
 * Splits an input path into the list index it belongs to and the field key a form uses:
 * "input[0].attributes.brand" → { index: 0, key: "attributes.brand" }, "input.email" → { index: null,
 * key: "email" }, "rate" → { index: null, key: "rate" }, "input" → { index: null, key: "" }.
 */
export function fieldKeyOfPath(path: string): { index: number | null; key: string } {
  const match = /^([A-Za-z_]\w*)(?:\[(\d+)\])?(?:\.(.*))?$/.exec(path.trim());
  if (!match || !ROOT_ARGUMENTS.includes(match[1]!)) return { index: null, key: path.trim() };
  return { index: match[2] === undefined ? null : Number(match[2]), key: match[3] ?? '' };
}

export interface PlacedErrors {
  /** message per field key the form knows */
  byField: Record<string, string>;
  /** messages no input of the form can show (shown in the form's summary) */
  unplaced: string[];
}

export const NO_ERRORS: PlacedErrors = { byField: {}, unplaced: [] };

/**
 * Places messages on the form's fields: an exact key first, else its nearest known ancestor
 * ("consent.timestamp" → "consent"); the rest are unplaced. Several messages for one field are joined.
 */
export function placeErrors(entries: { key: string | null; message: string }[], knownKeys: Iterable<string>): PlacedErrors {
  const known = new Set(knownKeys);
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { key, message } of entries) {
    let target = key ?? '';
    while (target && !known.has(target)) target = target.includes('.') ? target.slice(0, target.lastIndexOf('.')) : '';
    if (target) byField[target] = byField[target] ? `${byField[target]} ${message}` : message;
    else unplaced.push(key ? `${key}: ${message}` : message);
  }
  return { byField, unplaced };
}

/** The field errors of an ApiError placed on a form; with `index`, only those of that list item (or of none). */
export function placeApiErrors(error: ApiError | null, knownKeys: Iterable<string>, index?: number): PlacedErrors {
  if (!error) return NO_ERRORS;
  const entries = error.fields
    .map((f) => ({ ...fieldKeyOfPath(f.path), message: f.message }))
    .filter((f) => index === undefined || f.index === null || f.index === index)
    .map((f) => ({ key: f.key, message: f.message }));
  return placeErrors(entries, knownKeys);
}

/** A message for the top of a form: the error's own, unless every detail is already next to a field. */
export function summaryOf(error: ApiError | null, placed: PlacedErrors): string[] {
  if (!error) return [];
  return [error.message, ...placed.unplaced];
}
