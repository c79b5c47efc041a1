// The campaign's schedule: rows of weekdays and a from–to window, added and removed freely. No rows = always on.
import type { Weekday } from '../../gql/graphql';
import { CheckboxGroup, TextField } from '../../lib/ui/fields';
import { MAX_WINDOWS, WEEKDAYS, WEEKDAY_LABELS, newScheduleRow, type ScheduleRow } from './schedule';

const DAY_OPTIONS = WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }));

export interface ScheduleEditorProps {
  rows: readonly ScheduleRow[];
  /** keys "schedule", "schedule[0]", "schedule[0].days", "schedule[0].from", "schedule[0].to" */
  errors: Record<string, string>;
  /** every change (the form drops the schedule's errors then: after a removal they no longer line up) */
  onChange: (rows: ScheduleRow[]) => void;
}

export function ScheduleEditor({ rows, errors, onChange }: ScheduleEditorProps) {
  const setRow = (index: number, patch: Partial<ScheduleRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, newScheduleRow()]);
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index));

  return (
    <div className="schedule">
      {rows.length === 0 ? <p className="muted">No time windows: the campaign bids at any hour, every day.</p> : null}
      {rows.map((row, i) => {
        const key = `schedule[${i}]`;
        return (
          <fieldset key={i} className={`schedule__row${errors[key] ? ' field--invalid' : ''}`}>
            <legend>Window {i + 1}</legend>
            <CheckboxGroup<Weekday>
              legend="Days"
              className="schedule__days"
              options={DAY_OPTIONS}
              values={row.days}
              onChange={(days) => setRow(i, { days })}
              error={errors[`${key}.days`]}
            />
            <div className="schedule__times">
              <TextField
                label="From"
                type="time"
                name={`${key}.from`}
                value={row.from}
                onChange={(e) => setRow(i, { from: e.target.value })}
                error={errors[`${key}.from`]}
              />
              <TextField
                label="To"
                type="time"
                name={`${key}.to`}
                value={row.to}
                onChange={(e) => setRow(i, { to: e.target.value })}
                error={errors[`${key}.to`]}
                hint="Midnight (00:00) = end of the day"
              />
            </div>
            {errors[key] ? <p className="field__error">{errors[key]}</p> : null}
            <button type="button" className="button button--ghost button--small" onClick={() => remove(i)} aria-label={`Remove window ${i + 1}`}>
              Remove
            </button>
          </fieldset>
        );
      })}
      {errors.schedule ? <p className="field__error">{errors.schedule}</p> : null}
      <div>
        <button type="button" className="button button--secondary" onClick={add} disabled={rows.length >= MAX_WINDOWS}>
          Add a time window
        </button>
      </div>
    </div>
  );
}
