import { bucketByTime, granularityFor, localDayKey, startOfWeek } from './time-buckets';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).toISOString();

describe('time buckets', () => {
  it('starts weeks on Monday', () => {
    expect(localDayKey(startOfWeek(new Date(2026, 10, 22)))).toBe('2026-11-16'); // a Sunday
    expect(localDayKey(startOfWeek(new Date(2026, 10, 23)))).toBe('2026-11-23'); // a Monday
  });

  it('makes one bucket per day, empty days included, and leaves out what is outside the range', () => {
    const items = [at(2026, 11, 20), at(2026, 11, 20, 23), at(2026, 11, 22), at(2026, 11, 10), at(2026, 11, 25)];
    const buckets = bucketByTime(items, (x) => x, new Date(2026, 10, 20, 9), new Date(2026, 10, 23, 18), 'day');
    expect(buckets.map((b) => [b.key, b.items.length])).toEqual([
      ['2026-11-20', 2],
      ['2026-11-21', 0],
      ['2026-11-22', 1],
      ['2026-11-23', 0],
    ]);
  });

  it('groups by week over long ranges', () => {
    expect(granularityFor(new Date(2026, 0, 1), new Date(2026, 1, 1))).toBe('day');
    expect(granularityFor(new Date(2026, 0, 1), new Date(2026, 5, 1))).toBe('week');
    const buckets = bucketByTime([at(2026, 11, 17), at(2026, 11, 22), at(2026, 11, 23)], (x) => x, new Date(2026, 10, 18), new Date(2026, 10, 24), 'week');
    expect(buckets.map((b) => [b.key, b.items.length])).toEqual([
      ['2026-11-16', 2],
      ['2026-11-23', 1],
    ]);
  });
});
