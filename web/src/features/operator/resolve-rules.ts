// What an operator's decision on a dispute needs before it is sent: ACCEPT refunds the whole price or a
// part of it; REJECT refunds nothing and says why in a note (the buyer reads it).
import type { DisputeDecision } from '../../gql/graphql';
import type { MoneyValue } from '../../lib/format';
import { formatAmount, parseAmount, toMinor } from '../../lib/money';

export const MAX_NOTE_LENGTH = 2000;

export interface ResolutionDraft {
  /** empty: refund in full */
  refundAmount: string;
  note: string;
}

export interface ResolutionErrors {
  refundAmount?: string;
  note?: string;
}

/** `digits`: the platform's minor-unit digits. */
export function validateResolution(decision: DisputeDecision, draft: ResolutionDraft, price: MoneyValue, digits: number): ResolutionErrors {
  const errors: ResolutionErrors = {};
  const amount = draft.refundAmount.trim();
  if (decision === 'ACCEPT' && amount) {
    const minor = parseAmount(amount, digits);
    const example = formatAmount(4 * 10 ** digits + Math.floor(10 ** digits / 2), digits);
    if (minor === null)
      errors.refundAmount =
        digits === 0
          ? `A whole amount like ${example}, or empty for a full refund.`
          : `An amount like ${example} (at most ${digits} decimals), or empty for a full refund.`;
    else if (minor <= 0) errors.refundAmount = 'More than zero, or empty for a full refund.';
    else if (minor > toMinor(price, digits)) errors.refundAmount = `At most the price paid (${price.amount}).`;
  }
  if (decision === 'REJECT') {
    if (amount) errors.refundAmount = 'A rejected dispute refunds nothing: clear the amount.';
    if (!draft.note.trim()) errors.note = 'Say why the dispute is rejected: the buyer reads this note.';
  }
  if (draft.note.trim().length > MAX_NOTE_LENGTH) errors.note = `At most ${MAX_NOTE_LENGTH} characters.`;
  return errors;
}

/** The mutation's variables for a valid draft. */
export function resolutionVariables(id: string, decision: DisputeDecision, draft: ResolutionDraft) {
  return {
    id,
    decision,
    refundAmount: decision === 'ACCEPT' && draft.refundAmount.trim() ? draft.refundAmount.trim() : null,
    note: draft.note.trim() || null,
  };
}
