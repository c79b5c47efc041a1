// Parses input with a zod schema, turning every problem into a BAD_USER_INPUT field error with its path.
import type { z } from 'zod';
import { badInput, type FieldError } from './domain-error';
import { findUnsafeText } from './safe-text';

export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function zodFieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(prefix, issue.path), message: issue.message }));
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = 'input'): z.infer<S> {
  // NUL and lone surrogates are refused here too, for input that did not come through the GraphQL edge (CSV, jobs)
  const unsafe = findUnsafeText(value, prefix);
  if (unsafe.length) throw badInput(unsafe);
  const result = schema.safeParse(value);
  if (!result.success) throw badInput(zodFieldErrors(result.error, prefix));
  return result.data;
}
