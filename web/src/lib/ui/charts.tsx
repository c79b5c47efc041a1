// Two small charts, no library: a bar list for categories (HTML, reads as a list) and a column chart
// for time series (SVG). Each has a title, a text summary for assistive technology and its numbers in a table.
import { type ReactNode } from 'react';
import { niceMax, percentOf, tickIndexes } from './chart-scale';
import { TableWrap } from './table-wrap';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** the value as shown, e.g. "$1,240.00 · 31 sales" */
  valueLabel: string;
}

export function BarList({ title, data, empty = 'Nothing to show yet.', note }: { title: string; data: readonly BarDatum[]; empty?: string; note?: ReactNode }) {
  const top = Math.max(0, ...data.map((d) => d.value));
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      {data.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="bar-list" aria-label={title}>
          {data.map((d) => (
            <li key={d.key} className="bar-list__row">
              <span className="bar-list__label">{d.label}</span>
              <span className="bar-list__value">{d.valueLabel}</span>
              <span className="bar-list__track" aria-hidden="true">
                <span className="bar-list__bar" style={{ width: `${percentOf(d.value, top)}%` }} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {note ? <p className="chart__note">{note}</p> : null}
    </figure>
  );
}

export interface ColumnSeries {
  name: string;
  /** a modifier of .column-chart__bar, e.g. "primary", "muted", "bad" */
  tone: 'primary' | 'muted' | 'bad' | 'good';
}

export interface ColumnDatum {
  key: string;
  /** x label, e.g. "Nov 20" */
  label: string;
  /** one value per series, stacked bottom-up */
  values: number[];
  /** the column's values as text, for the tooltip and the table */
  valueLabels: string[];
}

export interface ColumnChartProps {
  title: string;
  /** one sentence on what the chart shows (the SVG's accessible name) */
  summary: string;
  series: readonly ColumnSeries[];
  data: readonly ColumnDatum[];
  formatAxis: (value: number) => string;
  empty?: string;
  note?: ReactNode;
}

const COLUMN_WIDTH = 10;

export function ColumnChart({ title, summary, series, data, formatAxis, empty = 'Nothing to show yet.', note }: ColumnChartProps) {
  const totals = data.map((d) => d.values.reduce((a, b) => a + Math.max(0, b), 0));
  const top = niceMax(Math.max(0, ...totals));
  const ticks = new Set(tickIndexes(data.length));
  const hasData = totals.some((t) => t > 0);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      {!hasData ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <div className="column-chart">
            <div className="column-chart__y" aria-hidden="true">
              <span>{formatAxis(top)}</span>
              <span>{formatAxis(top / 2)}</span>
              <span>{formatAxis(0)}</span>
            </div>
            <svg className="column-chart__plot" viewBox={`0 0 ${data.length * COLUMN_WIDTH} 100`} preserveAspectRatio="none" role="img" aria-label={summary}>
              <line x1="0" x2={data.length * COLUMN_WIDTH} y1="50" y2="50" className="column-chart__grid" vectorEffect="non-scaling-stroke" />
              {data.map((d, i) => {
                let base = 100;
                return (
                  <g key={d.key}>
                    <title>{`${d.label}: ${series.map((s, j) => `${s.name} ${d.valueLabels[j] ?? ''}`).join(', ')}`}</title>
                    {d.values.map((v, j) => {
                      const h = percentOf(Math.max(0, v), top);
                      base -= h;
                      return h > 0 ? (
                        <rect
                          key={j}
                          x={i * COLUMN_WIDTH + 1.5}
                          width={COLUMN_WIDTH - 3}
                          y={base}
                          height={h}
                          className={`column-chart__bar column-chart__bar--${series[j]?.tone ?? 'primary'}`}
                        />
                      ) : null;
                    })}
                  </g>
                );
              })}
            </svg>
            <span aria-hidden="true" />
            <div className="column-chart__x" aria-hidden="true">
              {data.map((d, i) => (
                <span key={d.key}>{ticks.has(i) ? d.label : ''}</span>
              ))}
            </div>
          </div>
          {series.length > 1 ? (
            <ul className="chart__legend" aria-label={`${title}: legend`}>
              {series.map((s) => (
                <li key={s.name}>
                  <span className={`chart__swatch column-chart__bar--${s.tone}`} aria-hidden="true" />
                  {s.name}
                </li>
              ))}
            </ul>
          ) : null}
          <details className="chart__data">
            <summary>Show the numbers</summary>
            <TableWrap label={`${title}: the numbers`}>
              <table className="table table--compact">
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Period</th>
                    {series.map((s) => (
                      <th key={s.name} scope="col">
                        {s.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.map((d) => (
                    <tr key={d.key}>
                      <th scope="row">{d.label}</th>
                      {series.map((s, j) => (
                        <td key={s.name}>{d.valueLabels[j]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
        </>
      )}
      {note ? <p className="chart__note">{note}</p> : null}
    </figure>
  );
}

/** A key figure: a label, a big value and a line of context. */
export function Metric({ label, value, detail }: { label: string; value: string; detail?: ReactNode }) {
  return (
    <div className="metric">
      <dt>{label}</dt>
      <dd>
        <span className="metric__value">{value}</span>
        {detail ? <span className="metric__detail">{detail}</span> : null}
      </dd>
    </div>
  );
}
