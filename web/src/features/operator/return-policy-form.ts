// The operator's return-policy form as data: what was set for a segment or a buyer (ReturnPolicySettings), the
// form's values (empty = inherit), early checks with the API's bounds (return-policies.service.ts) and the
// ReturnPolicyInput they make. Setting a policy replaces it whole, so the form always sends every field.
import type { DisputeReason, ReturnPolicyInput, ReturnRemedy } from '../../gql/graphql';

export interface AutoAcceptRow {
  reason: DisputeReason | '';
  withinHours: string;
}

export interface ReturnPolicyFormValues {
  windowHours: string;
  /** none checked = inherit */
  allowedReasons: DisputeReason[];
  autoAccept: AutoAcceptRow[];
  maxReturnRatePercent: string;
  rateLookbackDays: string;
  rateMinPurchases: string;
  /** none checked = inherit */
  allowedRemedies: ReturnRemedy[];
}

export type ReturnPolicyFormErrors = Record<string, string>;

interface StoredSettings {
  windowHours?: number | null;
  allowedReasons?: readonly DisputeReason[] | null;
  autoAccept?: readonly { reason: DisputeReason; withinHours: number }[] | null;
  maxReturnRatePercent?: number | null;
  rateLookbackDays?: number | null;
  rateMinPurchases?: number | null;
  allowedRemedies?: readonly ReturnRemedy[] | null;
}

const HOURS_IN_YEAR = 24 * 365;
const text = (n: number | null | undefined) => (n == null ? '' : String(n));
const whole = (t: string) => (/^\d+$/.test(t.trim()) ? Number(t.trim()) : null);

export function policyFormFromSettings(s: StoredSettings | null | undefined): ReturnPolicyFormValues {
  return {
    windowHours: text(s?.windowHours),
    allowedReasons: [...(s?.allowedReasons ?? [])],
    autoAccept: (s?.autoAccept ?? []).map((r) => ({ reason: r.reason, withinHours: String(r.withinHours) })),
    maxReturnRatePercent: text(s?.maxReturnRatePercent),
    rateLookbackDays: text(s?.rateLookbackDays),
    rateMinPurchases: text(s?.rateMinPurchases),
    allowedRemedies: [...(s?.allowedRemedies ?? [])],
  };
}

function checkWhole(errors: ReturnPolicyFormErrors, key: string, value: string, min: number, max: number) {
  if (!value.trim()) return;
  const n = whole(value);
  if (n == null || n < min || n > max)
    errors[key] = `A whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, or empty to inherit.`;
}

/** Early checks; keys are ReturnPolicyInput paths without `input.` ("windowHours", "autoAccept[0].withinHours"). */
export function validatePolicyForm(v: ReturnPolicyFormValues): ReturnPolicyFormErrors {
  const errors: ReturnPolicyFormErrors = {};
  checkWhole(errors, 'windowHours', v.windowHours, 1, HOURS_IN_YEAR);
  checkWhole(errors, 'maxReturnRatePercent', v.maxReturnRatePercent, 1, 100);
  checkWhole(errors, 'rateLookbackDays', v.rateLookbackDays, 1, 365);
  checkWhole(errors, 'rateMinPurchases', v.rateMinPurchases, 0, 100_000);
  const seen = new Set<string>();
  v.autoAccept.forEach((row, i) => {
    if (!row.reason) errors[`autoAccept[${i}].reason`] = 'Choose a reason.';
    else if (seen.has(row.reason)) errors[`autoAccept[${i}].reason`] = 'One rule per reason.';
    else seen.add(row.reason);
    const hours = whole(row.withinHours);
    if (hours == null || hours < 1 || hours > HOURS_IN_YEAR)
      errors[`autoAccept[${i}].withinHours`] = `Hours from 1 to ${HOURS_IN_YEAR.toLocaleString('en-US')}.`;
  });
  return errors;
}

/** The input of a valid form: empty fields and empty lists are null (inherit). */
export function toPolicyInput(v: ReturnPolicyFormValues): ReturnPolicyInput {
  const num = (t: string) => whole(t);
  return {
    windowHours: num(v.windowHours),
    allowedReasons: v.allowedReasons.length ? v.allowedReasons : null,
    autoAccept: v.autoAccept.length ? v.autoAccept.map((r) => ({ reason: r.reason as DisputeReason, withinHours: Number(r.withinHours.trim()) })) : null,
    maxReturnRatePercent: num(v.maxReturnRatePercent),
    rateLookbackDays: num(v.rateLookbackDays),
    rateMinPurchases: num(v.rateMinPurchases),
    allowedRemedies: v.allowedRemedies.length ? v.allowedRemedies : null,
  };
}

/** Every error key the form shows beside an input, for placing the API's field errors. */
export function policyFormKeys(rows: number): string[] {
  const auto = Array.from({ length: rows }, (_, i) => [`autoAccept[${i}].reason`, `autoAccept[${i}].withinHours`]).flat();
  return ['windowHours', 'allowedReasons', 'autoAccept', ...auto, 'maxReturnRatePercent', 'rateLookbackDays', 'rateMinPurchases', 'allowedRemedies'];
}
