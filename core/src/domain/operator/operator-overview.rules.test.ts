import { fillDays, overviewSince, rate, totalsOf } from './operator-overview.rules';

describe('operator overview rules', () => {
  it('starts the window at midnight UTC so that today is its last day', () => {
    expect(overviewSince(new Date('2026-03-10T15:30:00Z'), 1).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(overviewSince(new Date('2026-03-10T00:00:00Z'), 7).toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });

  it('gives one row a day, zeros for quiet days, and ignores rows outside the window', () => {
    const since = new Date('2026-03-01T00:00:00Z');
    const days = fillDays(since, 3, [
      { date: '2026-03-02', sales: 2, salesAmount: 5000, commission: 1000 },
      { date: '2026-03-02', disputesOpened: 1 },
      { date: '2026-02-28', sales: 9 },
    ]);
    expect(days.map((d) => d.date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(days[0]).toMatchObject({ sales: 0, salesAmount: 0 });
    expect(days[1]).toMatchObject({ sales: 2, salesAmount: 5000, commission: 1000, disputesOpened: 1 });
  });

  it('gives rates as fractions, and none when there is nothing to divide by', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
    const totals = totalsOf(
      fillDays(new Date('2026-03-01T00:00:00Z'), 2, [{ date: '2026-03-01', sales: 4, disputesOpened: 1, batchesChecked: 2, batchesFailed: 1 }]),
    );
    expect(totals).toMatchObject({ sales: 4, disputeRate: 0.25, spotCheckFailureRate: 0.5 });
  });
});
