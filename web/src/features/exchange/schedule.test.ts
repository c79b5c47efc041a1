import { describeWindow, endTime, fromScheduleWindow, toScheduleInput, validateSchedule, validateScheduleRow, type ScheduleRow } from './schedule';

const row = (from: string, to: string, days: ScheduleRow['days'] = ['MON']): ScheduleRow => ({ days, from, to });

describe('schedule validation', () => {
  it('accepts a window whose start is before its end', () => {
    expect(validateScheduleRow(row('09:00', '18:00'))).toEqual({});
    expect(validateScheduleRow(row('00:00', '00:01'))).toEqual({});
    expect(validateScheduleRow(row('23:59', '23:59'))).toEqual({ to: expect.stringMatching(/after the start/) });
  });

  it('refuses from ≥ to, with the message on "to" (as the API names input.schedule[i].to)', () => {
    expect(validateScheduleRow(row('18:00', '09:00'))).toEqual({ to: expect.stringMatching(/end must be after the start/) });
    expect(validateScheduleRow(row('09:00', '09:00'))).toEqual({ to: expect.stringMatching(/end must be after the start/) });
    // compared as times, not as numbers typed loosely: 9:30 < 10:00
    expect(validateScheduleRow(row('09:30', '10:00'))).toEqual({});
  });

  it('reads an end of 00:00 as midnight, so 18:00–00:00 is the evening', () => {
    expect(validateScheduleRow(row('18:00', '00:00'))).toEqual({});
    expect(endTime('00:00')).toBe('24:00');
    expect(validateScheduleRow(row('00:00', '00:00'))).toEqual({});
  });

  it('wants at least one day and well-formed times', () => {
    expect(validateScheduleRow(row('9', '25:00', []))).toEqual({
      days: 'Choose at least one day.',
      from: 'A time like 09:00.',
      to: 'A time like 18:00.',
    });
    expect(validateScheduleRow(row('', ''))).toEqual({ from: expect.any(String), to: expect.any(String) });
  });

  it('accepts times with seconds (some browsers’ time inputs) and drops the seconds', () => {
    expect(validateScheduleRow(row('09:00:00', '17:30:00'))).toEqual({});
    expect(toScheduleInput([row('09:00:00', '17:30:00')])).toEqual([{ days: ['MON'], from: '09:00', to: '17:30' }]);
  });

  it('reports errors by row index, only for rows with problems, and the API’s limit on the list', () => {
    const result = validateSchedule([row('09:00', '18:00'), row('10:00', '08:00'), row('09:00', '10:00', [])]);
    expect(Object.keys(result.rows)).toEqual(['1', '2']);
    expect(result.rows[1]).toEqual({ to: expect.any(String) });
    expect(result.rows[2]).toEqual({ days: expect.any(String) });
    expect(result.list).toBeUndefined();
    expect(validateSchedule(Array.from({ length: 29 }, () => row('09:00', '10:00'))).list).toBe('At most 28 windows.');
    expect(validateSchedule([])).toEqual({ rows: {} });
  });
});

describe('schedule mapping', () => {
  it('sends days in week order without repeats, and midnight as 24:00', () => {
    expect(toScheduleInput([{ days: ['SUN', 'MON', 'SAT'], from: '18:00', to: '00:00' }])).toEqual([
      { days: ['MON', 'SAT', 'SUN'], from: '18:00', to: '24:00' },
    ]);
  });

  it('shows a saved window in the form (24:00 as 00:00) and back', () => {
    const saved = { days: ['FRI', 'MON'] as ScheduleRow['days'], from: '20:00', to: '24:00' };
    const formRow = fromScheduleWindow(saved);
    expect(formRow).toEqual({ days: ['MON', 'FRI'], from: '20:00', to: '00:00' });
    expect(toScheduleInput([formRow])).toEqual([{ days: ['MON', 'FRI'], from: '20:00', to: '24:00' }]);
  });

  it('describes windows with day ranges', () => {
    expect(describeWindow({ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], from: '09:00', to: '18:00' })).toBe('Mon–Fri 09:00–18:00');
    expect(describeWindow({ days: ['SAT', 'SUN'], from: '10:00', to: '14:00' })).toBe('Sat, Sun 10:00–14:00');
    expect(describeWindow({ days: ['MON', 'WED', 'THU', 'FRI', 'SUN'], from: '08:00', to: '09:00' })).toBe('Mon, Wed–Fri, Sun 08:00–09:00');
  });
});
