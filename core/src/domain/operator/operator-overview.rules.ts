// The operator overview's arithmetic: the window of whole UTC days, one row a day (days without activity
// as zeros) and rates as fractions (0.05 = 5%), null when there is nothing to divide by.

export const MAX_OVERVIEW_DAYS = 365;
const DAY_MS = 86_400_000;

export interface OverviewDay {
  /** YYYY-MM-DD, UTC */
  date: string;
  sales: number;
  salesAmount: number;
  commission: number;
  disputesOpened: number;
  batchesChecked: number;
  batchesFailed: number;
}

export type DayCounts = Partial<Omit<OverviewDay, 'date'>> & { date: string };

/** The first instant of the window: midnight UTC `days - 1` days before today, so today is the last day. */
export function overviewSince(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** One row for each day of the window, oldest first, summing the rows given for each day. */
export function fillDays(since: Date, days: number, rows: readonly DayCounts[]): OverviewDay[] {
  const out = new Map<string, OverviewDay>();
  for (let i = 0; i < days; i++) {
    const date = dayKey(new Date(since.getTime() + i * DAY_MS));
    out.set(date, { date, sales: 0, salesAmount: 0, commission: 0, disputesOpened: 0, batchesChecked: 0, batchesFailed: 0 });
  }
  for (const row of rows) {
    const day = out.get(row.date);
    if (!day) continue;
    day.sales += row.sales ?? 0;
    day.salesAmount += row.salesAmount ?? 0;
    day.commission += row.commission ?? 0;
    day.disputesOpened += row.disputesOpened ?? 0;
    day.batchesChecked += row.batchesChecked ?? 0;
    day.batchesFailed += row.batchesFailed ?? 0;
  }
  return [...out.values()];
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export function totalsOf(daily: readonly OverviewDay[]) {
  const sum = (pick: (d: OverviewDay) => number) => daily.reduce((s, d) => s + pick(d), 0);
  const sales = sum((d) => d.sales);
  const disputesOpened = sum((d) => d.disputesOpened);
  const batchesChecked = sum((d) => d.batchesChecked);
  const batchesFailed = sum((d) => d.batchesFailed);
  return {
    sales,
    salesAmount: sum((d) => d.salesAmount),
    commission: sum((d) => d.commission),
    disputesOpened,
    disputeRate: rate(disputesOpened, sales),
    batchesChecked,
    batchesFailed,
    spotCheckFailureRate: rate(batchesFailed, batchesChecked),
  };
}
