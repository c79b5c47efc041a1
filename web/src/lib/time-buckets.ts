// Grouping dated records into consecutive local days or weeks (Monday first), empty ones included, so
// a chart's x axis has no gaps.

export type Granularity = 'day' | 'week';

export interface TimeBucket<T> {
  /** local date of the bucket's first day, "2026-11-20" */
  key: string;
  start: Date;
  items: T[];
}

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  const sinceMonday = (day.getDay() + 6) % 7;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() - sinceMonday);
}

export function localDayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function step(date: Date, granularity: Granularity): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + (granularity === 'day' ? 1 : 7));
}

/** Days up to about two months, weeks beyond (a phone fits ~60 columns at most). */
export function granularityFor(from: Date, to: Date): Granularity {
  return to.getTime() - from.getTime() > 62 * 86_400_000 ? 'week' : 'day';
}

/** Buckets from `from` to `to` (both inclusive, local time); records outside the range are left out. */
export function bucketByTime<T>(items: readonly T[], dateOf: (item: T) => string, from: Date, to: Date, granularity: Granularity): TimeBucket<T>[] {
  const align = granularity === 'day' ? startOfDay : startOfWeek;
  const buckets: TimeBucket<T>[] = [];
  const index = new Map<string, TimeBucket<T>>();
  for (let start = align(from); start.getTime() <= to.getTime(); start = step(start, granularity)) {
    const bucket = { key: localDayKey(start), start, items: [] as T[] };
    buckets.push(bucket);
    index.set(bucket.key, bucket);
  }
  for (const item of items) {
    const at = new Date(dateOf(item));
    if (Number.isNaN(at.getTime()) || at < align(from) || at > to) continue;
    index.get(localDayKey(align(at)))?.items.push(item);
  }
  return buckets;
}

export function bucketLabel(bucket: { start: Date }, granularity: Granularity): string {
  const text = bucket.start.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return granularity === 'week' ? `Wk ${text}` : text;
}
