// A list of named checks, ✓ passed / ✗ failed: a lead's verification checks on its card, a dispute's re-check
// for the operator and the buyer. The names are the API's check names, shown as words.
import { enumLabel } from '../enums';

export type CheckItem = { name: string; passed: boolean; checkedAt: string };

export function CheckList({ checks, label }: { checks: readonly CheckItem[]; label: string }) {
  return (
    <ul className="lead-card__checks" aria-label={label}>
      {checks.map((c) => (
        <li
          key={c.name}
          className={c.passed ? 'lead-card__check--passed' : 'lead-card__check--failed'}
          title={`Checked ${new Date(c.checkedAt).toLocaleString()}`}
        >
          <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> {enumLabel(c.name)}
          <span className="visually-hidden">{c.passed ? ' passed' : ' failed'}</span>
        </li>
      ))}
    </ul>
  );
}
