// When a purchase can be disputed, and what a dispute form needs before it is sent (docs/domain.md, Disputes and refunds).
import type { DisputeReason, ReturnRemedy } from '../../gql/graphql';

export const DISPUTE_REASONS: readonly { value: DisputeReason; label: string; hint: string }[] = [
  { value: 'INVALID_CONTACT', label: 'Invalid contact', hint: 'The phone or e-mail does not work. Checked automatically.' },
  { value: 'DUPLICATE', label: 'Duplicate', hint: 'You bought this person before. Checked automatically.' },
  { value: 'FAKE', label: 'Fake', hint: 'A bot, a prank or someone paid to fill in the form.' },
  { value: 'NOT_INTERESTED', label: 'Never asked to be contacted', hint: 'The person says they did not leave their contact.' },
  { value: 'OUT_OF_GEO', label: 'Outside the geography', hint: 'The person is not where the lead says.' },
  { value: 'OTHER', label: 'Other', hint: 'Describe the problem in the evidence.' },
];

/** What an accepted return gives the buyer (docs/domain.md, Return policies and remedies). */
export const RETURN_REMEDIES: readonly { value: ReturnRemedy; label: string; hint: string }[] = [
  { value: 'REFUND', label: 'Refund', hint: 'The price back the way you paid (card or wallet).' },
  { value: 'WALLET_CREDIT', label: 'Wallet credit', hint: 'The price into your wallet, for your next leads.' },
  {
    value: 'REPLACEMENT',
    label: 'Replacement lead',
    hint: 'Another lead of the same segment and place, at the same or a lower price; the difference goes to your wallet. Without one, a wallet credit.',
  },
];

export const remedyLabel = (remedy: ReturnRemedy): string => RETURN_REMEDIES.find((r) => r.value === remedy)?.label ?? remedy;

/** The reasons the form offers: those the return policy allows (all, until the policy is known). */
export function offeredReasons(allowed: readonly DisputeReason[] | null | undefined): typeof DISPUTE_REASONS {
  return allowed ? DISPUTE_REASONS.filter((r) => allowed.includes(r.value)) : DISPUTE_REASONS;
}

/** The remedy preselected: a refund when the policy allows it, else the first it allows. */
export function initialRemedy(allowed: readonly ReturnRemedy[]): ReturnRemedy | null {
  return allowed.includes('REFUND') ? 'REFUND' : (allowed[0] ?? null);
}

export const MAX_EVIDENCE_LENGTH = 5000;
export const DEFAULT_RETURN_WINDOW_HOURS = 72;

export function disputeDeadline(purchasedAt: string, returnWindowHours: number): Date {
  return new Date(new Date(purchasedAt).getTime() + returnWindowHours * 3_600_000);
}

/** A purchase still in escrow, not disputed yet, inside its segment's return window. */
export function canDispute(purchase: { status: string; dispute: unknown }, deadline: Date, now: Date): boolean {
  return purchase.status === 'ESCROW' && !purchase.dispute && now.getTime() < deadline.getTime();
}

export interface DisputeDraft {
  reason: DisputeReason | '';
  evidence: string;
}

export interface DisputeErrors {
  reason?: string;
  evidence?: string;
  remedy?: string;
}

export function validateDispute(draft: DisputeDraft): DisputeErrors {
  const errors: DisputeErrors = {};
  if (!draft.reason) errors.reason = 'Choose what is wrong with the lead.';
  const evidence = draft.evidence.trim();
  if (draft.reason === 'OTHER' && !evidence) errors.evidence = 'Describe the problem: an operator reads it.';
  if (evidence.length > MAX_EVIDENCE_LENGTH) errors.evidence = `At most ${MAX_EVIDENCE_LENGTH} characters.`;
  return errors;
}
