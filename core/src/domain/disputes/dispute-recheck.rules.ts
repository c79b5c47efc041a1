// The re-check of a disputed lead (issue 11 §5): which checks it shows, what the dispute says about it, and
// how it is kept in the dispute's `auto_check` column (a small JSON document; older rows hold plain text).
import type { VerificationCheckView } from '../verification/lead-checks-view.rules';

/** One failed re-check: the check's name (shown) and the precise reason (in the finding, never contact data). */
export interface RecheckFailure {
  name: string;
  reason: string;
}

export interface RecheckResult {
  checks: VerificationCheckView[];
  failures: RecheckFailure[];
  /** automatic checks that had already failed when the lead was listed: the buyer could read them in Lead.checks before buying */
  knownAtSale: string[];
}

/**
 * Whether the re-check alone accepts the dispute: a failure the buyer could not have seen before buying.
 * A check the lead already failed at verification (listed UNVERIFIED, shown in Lead.checks) was part of what
 * the buyer paid the discounted price for, so it is shown to the operator but decides nothing by itself.
 */
export function recheckUpholds(result: RecheckResult): boolean {
  const known = new Set(result.knownAtSale);
  return result.failures.some((f) => !known.has(f.name));
}

/** The contact re-validated with today's rules (phone, e-mail, name, at least one channel). */
export const VALID_CONTACT = 'VALID_CONTACT';
/** The same person (keyed phone or e-mail hash) was not sold to this buyer before in the segment. */
export const NOT_SOLD_TO_YOU_BEFORE = 'NOT_SOLD_TO_YOU_BEFORE';
/** The contact is on no suppression list (global do-not-contact). */
export const NOT_SUPPRESSED = 'NOT_SUPPRESSED';

/**
 * The checks in the order they are shown: contact re-validation, the automatic provider's checks, then the
 * lookups. `names` is every check that ran; a name in `failures` failed, every other one passed.
 */
export function recheckResult(
  names: readonly string[],
  failures: readonly RecheckFailure[],
  checkedAt: Date,
  knownAtSale: readonly string[] = [],
): RecheckResult {
  const failed = new Set(failures.map((f) => f.name));
  const all = [...names, ...[...failed].filter((n) => !names.includes(n))];
  return { checks: all.map((name) => ({ name, passed: !failed.has(name), checkedAt })), failures: [...failures], knownAtSale: [...knownAtSale] };
}

export const WITHHELD_SUFFIX = ' (automatic acceptance withheld: abnormal return rate)';

/** What the dispute says about its re-check, for the operator and the buyer (reasons only, no contact data). */
export function recheckFinding(result: RecheckResult, autoAllowed: boolean): string {
  if (!result.failures.length) return 'the re-check passed; an operator decides';
  const reasons = result.failures.map((f) => (f.reason === f.name ? f.name : `${f.name} (${f.reason})`)).join('; ');
  return `re-check failed: ${reasons}${autoAllowed ? '' : WITHHELD_SUFFIX}`;
}

export interface StoredAutoCheck {
  finding: string;
  checks: VerificationCheckView[] | null;
}

export function encodeAutoCheck(finding: string, checks: readonly VerificationCheckView[]): string {
  return JSON.stringify({ finding, checks: checks.map((c) => ({ name: c.name, passed: c.passed, checkedAt: c.checkedAt.toISOString() })) });
}

/** Reads the column back; a dispute from before the re-check holds its finding as plain text and no checks. */
export function decodeAutoCheck(raw: string | null): StoredAutoCheck | null {
  if (raw == null) return null;
  if (raw.startsWith('{')) {
    try {
      const doc = JSON.parse(raw) as { finding?: unknown; checks?: { name: string; passed: boolean; checkedAt: string }[] };
      if (typeof doc.finding === 'string' && Array.isArray(doc.checks)) {
        return { finding: doc.finding, checks: doc.checks.map((c) => ({ name: c.name, passed: c.passed, checkedAt: new Date(c.checkedAt) })) };
      }
    } catch {
      // not a document: an old plain-text finding that happens to start with a brace
    }
  }
  return { finding: raw, checks: null };
}
