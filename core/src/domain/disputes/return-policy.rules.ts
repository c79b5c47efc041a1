// Return policies (issue 14, "returns as agreed"): the policy that applies to one buyer's return in one
// segment, and what it allows. Pure: the caller loads the rows and counts the buyer's history.
//
// The effective policy is built field by field: the operator's override for the buyer, else the segment's
// policy, else today's defaults (the segment's return_window_hours, every reason, no automatic acceptance by
// reason, no rate cap, REFUND only), so nothing changes where no policy is set.
//
// The return-rate cap: rate = (upheld + open returns) / purchases, both counted over the last
// `rateLookbackDays` days before this return is opened (the new return itself is not counted). A return is
// refused with RETURN_RATE_CAP_REACHED when the rate is at or above `maxReturnRatePercent` %, but only for a
// buyer with at least `rateMinPurchases` purchases in the look-back: with fewer there is nothing to judge, so
// a new buyer's first return is never refused.
import { RETURN_REMEDIES, type ReturnRemedy } from '@leadex/db';
import { DISPUTE_REASONS, DEFAULT_RETURN_WINDOW_HOURS, withinReturnWindow, type DisputeReason } from './dispute.rules';

export { RETURN_REMEDIES, type ReturnRemedy };

export interface AutoAcceptRule {
  reason: DisputeReason;
  /** hours after the purchase during which a return for this reason is accepted at once */
  withinHours: number;
}

/** What one policy row says; null fields inherit. */
export interface ReturnPolicySettings {
  windowHours: number | null;
  allowedReasons: DisputeReason[] | null;
  autoAccept: AutoAcceptRule[] | null;
  maxReturnRatePercent: number | null;
  rateLookbackDays: number | null;
  rateMinPurchases: number | null;
  allowedRemedies: ReturnRemedy[] | null;
}

export interface EffectiveReturnPolicy {
  windowHours: number;
  allowedReasons: DisputeReason[];
  autoAccept: AutoAcceptRule[];
  /** null: no cap */
  maxReturnRatePercent: number | null;
  rateLookbackDays: number;
  rateMinPurchases: number;
  allowedRemedies: ReturnRemedy[];
}

/** The look-back and the minimum purchase count of the rate cap when a policy sets a cap but not these. */
export const DEFAULT_RATE_LOOKBACK_DAYS = 30;
export const DEFAULT_RATE_MIN_PURCHASES = 10;
/** The remedy of a return that names none (today's behaviour: the money back the way it was paid). */
export const DEFAULT_REMEDY: ReturnRemedy = 'REFUND';

export const EMPTY_POLICY: ReturnPolicySettings = {
  windowHours: null,
  allowedReasons: null,
  autoAccept: null,
  maxReturnRatePercent: null,
  rateLookbackDays: null,
  rateMinPurchases: null,
  allowedRemedies: null,
};

/**
 * The policy for a buyer's return in a segment: the buyer override's fields, else the segment policy's, else the
 * defaults. `segmentWindowHours` is the segment's `return_window_hours` (the window before return policies).
 */
export function effectiveReturnPolicy(
  segmentWindowHours: number | null | undefined,
  segmentPolicy: ReturnPolicySettings | null,
  buyerOverride: ReturnPolicySettings | null,
): EffectiveReturnPolicy {
  const pick = <K extends keyof ReturnPolicySettings>(key: K): ReturnPolicySettings[K] => buyerOverride?.[key] ?? segmentPolicy?.[key] ?? null;
  return {
    windowHours: pick('windowHours') ?? segmentWindowHours ?? DEFAULT_RETURN_WINDOW_HOURS,
    allowedReasons: pick('allowedReasons') ?? [...DISPUTE_REASONS],
    autoAccept: pick('autoAccept') ?? [],
    maxReturnRatePercent: pick('maxReturnRatePercent'),
    rateLookbackDays: pick('rateLookbackDays') ?? DEFAULT_RATE_LOOKBACK_DAYS,
    rateMinPurchases: pick('rateMinPurchases') ?? DEFAULT_RATE_MIN_PURCHASES,
    allowedRemedies: pick('allowedRemedies') ?? [DEFAULT_REMEDY],
  };
}

/** The buyer's record over the cap's look-back: purchases made, and returns upheld or still open. */
export interface ReturnHistory {
  purchases: number;
  returns: number;
}

/** Whether the buyer's return rate has reached the cap (see the header for the formula). */
export function returnRateCapReached(policy: Pick<EffectiveReturnPolicy, 'maxReturnRatePercent' | 'rateMinPurchases'>, history: ReturnHistory): boolean {
  if (policy.maxReturnRatePercent == null) return false;
  if (history.purchases < Math.max(1, policy.rateMinPurchases)) return false;
  // returns / purchases ≥ percent / 100, in integers
  return history.returns * 100 >= policy.maxReturnRatePercent * history.purchases;
}

export interface ReturnRefusal {
  code: 'RETURN_WINDOW_CLOSED' | 'RETURN_REASON_NOT_ALLOWED' | 'REMEDY_NOT_ALLOWED' | 'RETURN_RATE_CAP_REACHED';
  message: string;
  path?: string;
}

export interface ReturnRequest {
  purchasedAt: Date;
  now: Date;
  reason: DisputeReason;
  remedy: ReturnRemedy;
  history: ReturnHistory;
}

/** Why the policy refuses this return (checked in this order: window, reason, remedy, rate cap), or null. */
export function returnRefusal(policy: EffectiveReturnPolicy, request: ReturnRequest): ReturnRefusal | null {
  if (!withinReturnWindow(request.purchasedAt, policy.windowHours, request.now)) {
    return { code: 'RETURN_WINDOW_CLOSED', message: `Disputes are open for ${policy.windowHours} hours after the purchase` };
  }
  if (!policy.allowedReasons.includes(request.reason)) {
    return { code: 'RETURN_REASON_NOT_ALLOWED', message: `Returns here may give: ${policy.allowedReasons.join(', ')}`, path: 'input.reason' };
  }
  if (!policy.allowedRemedies.includes(request.remedy)) {
    return { code: 'REMEDY_NOT_ALLOWED', message: `Returns here may ask for: ${policy.allowedRemedies.join(', ')}`, path: 'input.remedy' };
  }
  if (returnRateCapReached(policy, request.history)) {
    return {
      code: 'RETURN_RATE_CAP_REACHED',
      message: `Your returns (${request.history.returns} of ${request.history.purchases} purchases in ${policy.rateLookbackDays} days) reached the ${policy.maxReturnRatePercent}% cap; no more returns are taken for now`,
    };
  }
  return null;
}

/** The policy's automatic acceptance rule that takes this return, if any: its reason, opened before its time limit ran out. */
export function autoAcceptRuleFor(
  policy: Pick<EffectiveReturnPolicy, 'autoAccept'>,
  reason: DisputeReason,
  purchasedAt: Date,
  now: Date,
): AutoAcceptRule | null {
  return policy.autoAccept.find((r) => r.reason === reason && withinReturnWindow(purchasedAt, r.withinHours, now)) ?? null;
}

/** The finding recorded when the policy, not the re-check, accepts a return. */
export function policyAcceptFinding(rule: AutoAcceptRule): string {
  return `accepted by the return policy: ${rule.reason} within ${rule.withinHours} h of the purchase`;
}
