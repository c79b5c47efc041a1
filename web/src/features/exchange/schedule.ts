// A campaign's schedule as form rows: weekdays and a local [from, to) window, in the campaign's time zone.
// No rows = always on. Pure, so the checks match the API's (core/src/domain/exchange/campaigns.service.ts).
import type { ScheduleWindowInput, Weekday } from '../../gql/graphql';

export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
export const WEEKDAY_LABELS: Record<Weekday, string> = { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' };
const WEEKDAY_NAMES: Record<Weekday, string> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};
export const weekdayName = (day: Weekday) => WEEKDAY_NAMES[day];

/** The API's limit on windows per campaign. */
export const MAX_WINDOWS = 28;

export interface ScheduleRow {
  days: Weekday[];
  /** "HH:MM" (what <input type="time"> gives), local to the campaign's time zone */
  from: string;
  to: string;
}

export interface ScheduleRowErrors {
  days?: string;
  from?: string;
  to?: string;
}

export const newScheduleRow = (): ScheduleRow => ({ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], from: '09:00', to: '18:00' });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The API's end of a window that closes at midnight; a time input cannot show it, so the form says 00:00. */
const END_OF_DAY = '24:00';

/** "9:5" stays invalid; "09:00:00" (some browsers' time inputs with seconds) → "09:00". */
export function normalizeTime(value: string): string {
  const t = value.trim();
  return /^\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(t) ? t.slice(0, 5) : t;
}

/** An end time as sent: "00:00" (or "24:00") closes the window at midnight. */
export function endTime(value: string): string {
  const t = normalizeTime(value);
  return t === '00:00' ? END_OF_DAY : t;
}

/** A window from the API as a form row ("24:00" shown as 00:00). */
export function fromScheduleWindow(w: { days: readonly Weekday[]; from: string; to: string }): ScheduleRow {
  return { days: WEEKDAYS.filter((d) => w.days.includes(d)), from: w.from, to: w.to === END_OF_DAY ? '00:00' : w.to };
}

/** What is wrong with one window, per part; empty when it can be sent. */
export function validateScheduleRow(row: ScheduleRow): ScheduleRowErrors {
  const errors: ScheduleRowErrors = {};
  const from = normalizeTime(row.from);
  const to = endTime(row.to);
  if (!row.days.length) errors.days = 'Choose at least one day.';
  if (!TIME.test(from)) errors.from = 'A time like 09:00.';
  if (!TIME.test(to) && to !== END_OF_DAY) errors.to = 'A time like 18:00.';
  // zero-padded HH:MM strings compare like the times they are
  if (!errors.from && !errors.to && from >= to) errors.to = 'The end must be after the start. A window cannot cross midnight: split it into two rows.';
  return errors;
}

/** Errors of every row (index → errors), only rows with something wrong; and the list's own. */
export function validateSchedule(rows: readonly ScheduleRow[]): { rows: Record<number, ScheduleRowErrors>; list?: string } {
  const out: { rows: Record<number, ScheduleRowErrors>; list?: string } = { rows: {} };
  rows.forEach((row, i) => {
    const e = validateScheduleRow(row);
    if (Object.keys(e).length) out.rows[i] = e;
  });
  if (rows.length > MAX_WINDOWS) out.list = `At most ${MAX_WINDOWS} windows.`;
  return out;
}

/** The windows to send: days in week order without repeats, times as HH:MM. */
export function toScheduleInput(rows: readonly ScheduleRow[]): ScheduleWindowInput[] {
  return rows.map((r) => ({ days: WEEKDAYS.filter((d) => r.days.includes(d)), from: normalizeTime(r.from), to: endTime(r.to) }));
}

/** "Mon–Fri 09:00–18:00", "Sat, Sun 10:00–14:00". */
export function describeWindow(w: { days: readonly Weekday[]; from: string; to: string }): string {
  const idx = WEEKDAYS.map((d) => w.days.includes(d));
  const parts: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (!idx[i]) continue;
    let j = i;
    while (j + 1 < 7 && idx[j + 1]) j++;
    if (j - i >= 2) parts.push(`${WEEKDAY_LABELS[WEEKDAYS[i]!]}–${WEEKDAY_LABELS[WEEKDAYS[j]!]}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAY_LABELS[WEEKDAYS[k]!]);
    i = j;
  }
  return `${parts.join(', ')} ${w.from}–${w.to}`;
}
