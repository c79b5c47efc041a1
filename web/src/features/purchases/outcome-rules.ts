// The buyer's CRM pipeline for a purchased lead: NEW → CONTACTED → QUALIFIED → CONVERTED, or LOST with a
// reason. The pipeline moves forward; a lost lead can be reopened (the person called back); a converted
// lead is a customer and stays one. The API accepts any move; these are the ones the page offers.
import type { LeadOutcome } from '../../gql/graphql';

export const PIPELINE: readonly LeadOutcome[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED'];
export const LEAD_OUTCOMES: readonly LeadOutcome[] = [...PIPELINE, 'LOST'];

/** Suggestions for "why lost" (docs/domain.md, Purchases and escrow); any other text is fine too. */
export const LOST_REASONS = ['Ignored the call', 'Refused to talk', 'Refused to buy'] as const;

export const MAX_REASON_LENGTH = 500;

/** The outcomes the buyer may choose next, the current one first. */
export function outcomeOptions(current: LeadOutcome): LeadOutcome[] {
  if (current === 'CONVERTED') return ['CONVERTED'];
  if (current === 'LOST') return ['LOST', 'CONTACTED', 'QUALIFIED', 'CONVERTED'];
  const later = PIPELINE.slice(PIPELINE.indexOf(current) + 1);
  return [current, ...later, 'LOST'];
}

export interface OutcomeErrors {
  outcome?: string;
  reason?: string;
}

export function validateOutcomeChange(current: LeadOutcome, next: LeadOutcome, reason: string): OutcomeErrors {
  const errors: OutcomeErrors = {};
  if (!outcomeOptions(current).includes(next)) {
    errors.outcome =
      current === 'CONVERTED' ? 'A converted lead stays converted.' : `A lead cannot go back from ${current.toLowerCase()} to ${next.toLowerCase()}.`;
  }
  if (next === 'LOST' && !reason.trim()) errors.reason = 'Say why the lead was lost (e.g. ignored the call).';
  if (reason.trim().length > MAX_REASON_LENGTH) errors.reason = `At most ${MAX_REASON_LENGTH} characters.`;
  return errors;
}

/** Whether saving would change anything. */
export function outcomeChanged(current: LeadOutcome, currentReason: string | null | undefined, next: LeadOutcome, reason: string): boolean {
  if (next !== current) return true;
  return next === 'LOST' && reason.trim() !== (currentReason ?? '').trim();
}

/** The reason to send: only a lost lead has one. */
export function reasonToSend(next: LeadOutcome, reason: string): string | null {
  return next === 'LOST' ? reason.trim() : null;
}
