// The re-check of a disputed lead (run when the dispute was opened, for every reason), check by check: what the
// operator weighs beside the buyer's evidence. ✓ passed, ✗ failed; the names are the lead card's check names.
// Also shown to the disputing buyer on their purchase.
import { enumLabel } from '../../lib/enums';

type Recheck = readonly { name: string; passed: boolean; checkedAt: string }[] | null | undefined;

export function DisputeRecheck({ recheck }: { recheck: Recheck }) {
  if (!recheck?.length) return <span className="muted">not re-checked (opened before re-checks)</span>;
  return (
    <ul className="lead-card__checks" aria-label="Re-check">
      {recheck.map((c) => (
        <li key={c.name} className={c.passed ? 'lead-card__check--passed' : 'lead-card__check--failed'} title={`Checked ${new Date(c.checkedAt).toLocaleString()}`}>
          <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> {enumLabel(c.name)}
          <span className="visually-hidden">{c.passed ? ' passed' : ' failed'}</span>
        </li>
      ))}
    </ul>
  );
}
