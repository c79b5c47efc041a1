// Who may read what was found about a lead. Findings (verification_results: submission errors and warnings,
// automatic and spot-check results) and signals (the soft warnings stored on the lead at submission) tell a
// seller how to fix their source; they are the seller's and the operators' working data, not the buyer's
// (a buyer reads `Lead.checks`: the check names and results only).
import type { Actor } from '../auth/access';

export interface LeadOwnership {
  sellerOrgId: string;
}

/** The seller organization that owns the lead (by session or API key) and operators. */
export function mayReadLeadFindings(actor: Actor | null, lead: LeadOwnership): boolean {
  if (!actor) return false;
  return actor.role === 'OPERATOR' || actor.organizationId === lead.sellerOrgId;
}

export interface StoredSignal {
  code: string;
  field?: string | null;
  message: string;
}

export interface SignalView {
  code: string;
  field: string | null;
  message: string;
  severity: 'WARNING';
}

/** A lead's soft signals as `LeadIssue`s (always warnings: an error would have refused the lead), or null when not allowed. */
export function visibleSignals(actor: Actor | null, lead: LeadOwnership & { signals: unknown }): SignalView[] | null {
  if (!mayReadLeadFindings(actor, lead)) return null;
  return (lead.signals as StoredSignal[]).map((s) => ({ code: s.code, field: s.field ?? null, message: s.message, severity: 'WARNING' }));
}
