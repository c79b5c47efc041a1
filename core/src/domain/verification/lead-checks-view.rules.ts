// What a buyer reads in `Lead.checks`: the checks a lead went through and their results, built from the
// stored findings (verification_results). Names only: no message, no contact data.
//
// Stored per lead by the verdict: stage AUTOMATIC, one row per failed automatic check (code = the check's
// name, severity ERROR), or a single AUTOMATIC_PASSED row when it passed them all; stage SPOT_CHECK, one row
// when the lead was in the sample of a costly provider (code SAMPLE_PASSED or why it failed).
import { AUTOMATIC_CHECKS } from './automatic-provider';

export const AUTOMATIC_PASSED = 'AUTOMATIC_PASSED';
export const SAMPLE_PASSED = 'SAMPLE_PASSED';
/** The check name buyers see for a sampled provider's finding. */
export const SAMPLED_CHECK_NAME: Record<string, string> = { manual: 'OPERATOR_CALL' };

export interface StoredFinding {
  stage: string;
  code: string;
  field: string | null;
  createdAt: Date;
}

export interface VerificationCheckView {
  name: string;
  passed: boolean;
  checkedAt: Date;
}

export function leadChecks(findings: readonly StoredFinding[]): VerificationCheckView[] {
  const automatic = findings.filter((f) => f.stage === 'AUTOMATIC');
  const out: VerificationCheckView[] = [];
  if (automatic.length) {
    const failed = new Set(automatic.filter((f) => f.code !== AUTOMATIC_PASSED).map((f) => f.code));
    const checkedAt = automatic[0]!.createdAt;
    for (const name of AUTOMATIC_CHECKS) out.push({ name, passed: !failed.has(name), checkedAt });
    // a failure outside the regular list (an erased contact) is shown too
    for (const name of failed) if (!(AUTOMATIC_CHECKS as readonly string[]).includes(name)) out.push({ name, passed: false, checkedAt });
  }
  for (const f of findings.filter((x) => x.stage === 'SPOT_CHECK')) {
    // the sampled provider's name is kept in `field` (e.g. "manual")
    out.push({ name: SAMPLED_CHECK_NAME[f.field ?? ''] ?? 'SAMPLED_CHECK', passed: f.code === SAMPLE_PASSED, checkedAt: f.createdAt });
  }
  return out;
}
