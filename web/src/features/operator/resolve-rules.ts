// What an operator's decision on a dispute needs before it is sent: ACCEPT refunds the whole price or a
// part of it; REJECT refunds nothing and says why in a note (the buyer reads it).
import type { DisputeDecision } from '../../gql/graphql';
import type { MoneyValue } from '../../lib/format';
import { currencyDigits, parseAmount, toMinor } from '../../lib/money';

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

export function validateResolution(decision: DisputeDecision, draft: ResolutionDraft, price: MoneyValue): ResolutionErrors {
  const errors: ResolutionErrors = {};
  const amount = draft.refundAmount.trim();
  if (decision === 'ACCEPT' && amount) {
    const digits = currencyDigits(price.currencyCode);
    const minor = parseAmount(amount, digits);
    if (minor === null) errors.refundAmount = `An amount like 4.50 (at most ${digits} decimals), or empty for a full refund.`;
    else if (minor <= 0) errors.refundAmount = 'More than zero, or empty for a full refund.';
    else if (minor > toMinor(price)) errors.refundAmount = `At most the price paid (${price.amount}).`;
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
