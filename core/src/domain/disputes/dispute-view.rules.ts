// What each party reads of a dispute's automatic re-check. The finding (one line) is shown to everyone who
// sees the dispute; the check list is the buyer's case and the operator's evidence, so the seller, who
// also sees the dispute, does not read it.
import type { Actor } from '../auth/access';
import type { VerificationCheckView } from '../verification/lead-checks-view.rules';
import { decodeAutoCheck } from './dispute-recheck.rules';

export interface DisputeParties {
  buyerOrgId: string;
  autoCheck: string | null;
}

/** Operators and the buying organization. */
export function mayReadRecheck(actor: Actor | null, dispute: Pick<DisputeParties, 'buyerOrgId'>): boolean {
  if (!actor) return false;
  return actor.role === 'OPERATOR' || (actor.role === 'BUYER' && actor.organizationId === dispute.buyerOrgId);
}

/** The re-check's list of checks, or null when not allowed or when the dispute predates the re-check. */
export function visibleRecheck(actor: Actor | null, dispute: DisputeParties): VerificationCheckView[] | null {
  return mayReadRecheck(actor, dispute) ? (decodeAutoCheck(dispute.autoCheck)?.checks ?? null) : null;
}

/** The one-line finding of the re-check (null when none ran). */
export function recheckFindingOf(dispute: Pick<DisputeParties, 'autoCheck'>): string | null {
  return decodeAutoCheck(dispute.autoCheck)?.finding ?? null;
}

/**
 * The seller's answer (issue 14): the operator who decides and the seller who wrote it. The buyer reads the
 * outcome, not the seller's case, as the seller does not read the buyer's re-check.
 */
export function visibleSellerResponse(actor: Actor | null, dispute: { sellerOrgId: string; sellerResponse: string | null }): string | null {
  if (!actor) return null;
  const allowed = actor.role === 'OPERATOR' || (actor.role === 'SELLER' && actor.organizationId === dispute.sellerOrgId);
  return allowed ? dispute.sellerResponse : null;
}

/** The replacement purchase is the buyer's (another seller's lead, maybe): the buyer and operators read it. */
export function mayReadReplacement(actor: Actor | null, dispute: Pick<DisputeParties, 'buyerOrgId'>): boolean {
  return mayReadRecheck(actor, dispute);
}
