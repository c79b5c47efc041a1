// Stripe list objects with `limit`, `starting_after` and `ending_before` over newest-first items.
import type { ParamReader } from './param-reader';
import { invalidParam } from './stripe-errors';

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export function listPage<T extends { id: string }>(newestFirst: T[], params: ParamReader, url: string): ListObject<T> {
  const limit = params.integer('limit', { min: 1 }) ?? 10;
  if (limit > 100) throw invalidParam('limit', 'This value must be less than or equal to 100.', 'parameter_invalid_integer');
  const after = params.string('starting_after');
  const before = params.string('ending_before');
  const indexOf = (param: string, id: string): number => {
    const i = newestFirst.findIndex((item) => item.id === id);
    if (i === -1) throw invalidParam(param, `No such object: '${id}'`, 'resource_missing');
    return i;
  };
  if (before !== undefined) {
    const end = indexOf('ending_before', before);
    const start = Math.max(0, end - limit);
    return { object: 'list', data: newestFirst.slice(start, end), has_more: start > 0, url };
  }
  const start = after !== undefined ? indexOf('starting_after', after) + 1 : 0;
  const data = newestFirst.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < newestFirst.length, url };
}

/** A list embedded in an object (e.g. a transfer's `reversals`): the first page, with a total. */
export function embeddedList<T>(newestFirst: T[], url: string): ListObject<T> & { total_count: number } {
  return { object: 'list', data: newestFirst.slice(0, 10), has_more: newestFirst.length > 10, total_count: newestFirst.length, url };
}
