// The re-check of a disputed lead (run when the dispute was opened, for every reason), check by check: what the
// operator weighs beside the buyer's evidence. Also shown to the disputing buyer on their purchase.
import { CheckList, type CheckItem } from '../../lib/ui/check-list';

export function DisputeRecheck({ recheck }: { recheck: readonly CheckItem[] | null | undefined }) {
  if (!recheck?.length) return <span className="muted">not re-checked (opened before re-checks)</span>;
  return <CheckList checks={recheck} label="Re-check" />;
}
