// Words, not codes: the API's statuses, reasons and finding codes as a person reads them. Every seller page
// shows these; an unknown code falls back to enumLabel ("SOME_CODE" → "Some code").
import type { DisputeReason, DisputeStatus, LeadHistoryKind, LeadOutcome, LeadStatus, PurchaseStatus, VerificationStatus } from '../gql/graphql';
import { enumLabel } from './enums';

export const LEAD_STATUS_WORDS: Record<LeadStatus, string> = {
  PENDING_VERIFICATION: 'Waiting for the spot-check',
  LISTED: 'Listed',
  REJECTED: 'Rejected',
  SOLD_OUT: 'Sold out',
  EXPIRED: 'Expired',
  WITHDRAWN: 'Withdrawn',
};

export const VERIFICATION_WORDS: Record<VerificationStatus, string> = {
  UNVERIFIED: 'Not checked yet',
  VERIFIED: 'Verified',
  FAILED: 'Failed the checks',
};

/** A sale's money: held through the return window, released to the seller, or given back. */
export const SALE_STATUS_WORDS: Record<PurchaseStatus, string> = {
  ESCROW: 'In escrow',
  SETTLED: 'Paid out',
  REFUNDED: 'Refunded',
};

export const DISPUTE_STATUS_WORDS: Record<DisputeStatus, string> = {
  OPEN: 'Return open',
  ACCEPTED: 'Return accepted',
  REJECTED: 'Return rejected',
};

export const PAYOUT_STATUS_WORDS: Record<string, string> = {
  PENDING: 'Being sent',
  SENT: 'Sent to your bank',
  FAILED: 'Failed: check your Stripe account',
};

export const DISPUTE_REASON_WORDS: Record<DisputeReason, string> = {
  INVALID_CONTACT: 'the contact does not work',
  DUPLICATE: 'a duplicate',
  FAKE: 'a fake lead',
  NOT_INTERESTED: 'the person is not interested',
  OUT_OF_GEO: 'outside the area',
  OTHER: 'another reason',
};

export const OUTCOME_WORDS: Record<LeadOutcome, string> = {
  NEW: 'Not contacted yet',
  CONTACTED: 'Contacted',
  QUALIFIED: 'Qualified',
  CONVERTED: 'Converted',
  LOST: 'Lost',
};

export const HISTORY_WORDS: Record<LeadHistoryKind, string> = {
  SUBMITTED: 'Submitted',
  CHECK: 'Check',
  LISTED: 'Listed on the marketplace',
  SOLD: 'Sold',
  SETTLED: 'Paid out to you',
  DISPUTE_OPENED: 'Returned by the buyer',
  DISPUTE_RESOLVED: 'Return decided',
  ERASED: 'Contact erased',
};

// soft signals and finding stages: the API's codes, said plainly
const CODE_WORDS: Record<string, string> = {
  DUPLICATE_PHONE: 'Phone seen before',
  DUPLICATE_EMAIL: 'E-mail seen before',
  DISPOSABLE_EMAIL: 'Disposable e-mail',
  PHONE_COUNTRY_MISMATCH: 'Phone from another country',
  FAST_FORM_FILL: 'Form filled very fast',
  IP_BURST: 'Many leads from one IP',
  BOT_USER_AGENT: 'Looks like a bot',
  NAME_SUSPICIOUS: 'Unusual name',
  ATTRIBUTE_UNKNOWN: 'Unknown detail dropped',
  ATTRIBUTE_NOT_APPLICABLE: 'Detail not asked for this subsegment',
  SUBMISSION: 'at submission',
  SPOT_CHECK: 'spot-check',
  AUTOMATIC: 'automatic check',
};

/** A code without a table of its own (signals, finding stages), in words. */
export function codeWord(code: string): string {
  return CODE_WORDS[code] ?? enumLabel(code);
}
