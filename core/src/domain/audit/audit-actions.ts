// The audit log's action codes: `<concept>.<what happened>`, one list, so a filter and the web's picker name the same codes.

export const AUDIT_ACTIONS = [
  // contact data (every place contact_reads is also written)
  'contact.read',
  'contact.erased',
  // money
  'order.paid',
  'refund.issued',
  'wallet.top_up',
  'payout.recorded',
  'payout.sent',
  'payout.failed',
  'settlement.run',
  'dispute.resolved',
  // prices and policies (operators)
  'price_grid.set',
  'price_factors.set',
  'commission.set',
  'segment_policy.set',
  'return_policy.set',
  'buyer_return_policy.set',
  // sellers
  'seller.suspended',
  'seller.reinstated',
  // keys and sign-in
  'api_key.created',
  'api_key.revoked',
  // a delivery endpoint's signing secret replaced (issue 15)
  'delivery_endpoint.secret_rotated',
  'session.signed_in',
  'session.sign_in_failed',
  // teams, two-factor and password reset: written by those features through recordAudit (wired by the lead)
  'member.invited',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'invitation.revoked',
  'totp.enabled',
  'totp.disabled',
  'password.reset',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about: the kind of object its `targetId` names. */
export type AuditTargetType =
  | 'lead'
  | 'order'
  | 'refund'
  | 'wallet_top_up'
  | 'payout'
  | 'settlement_run'
  | 'dispute'
  | 'price_grid'
  | 'price_factors'
  | 'segment'
  | 'organization'
  | 'api_key'
  | 'delivery_endpoint'
  | 'user'
  | 'session'
  | 'invitation';

export const isAuditAction = (s: string): s is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(s);
