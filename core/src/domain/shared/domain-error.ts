// One error type for every failure a user can act on; its code decides the GraphQL `extensions.code`.

export type ErrorCategory =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'PAYMENT_REQUIRED' | 'RATE_LIMITED' | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE';

export interface FieldError {
  path: string; // e.g. "input[2].phone"
  message: string;
}

/** Domain codes and the API category each maps to (the one place the mapping lives). */
export const DOMAIN_ERROR_CATEGORY = {
  NOT_SIGNED_IN: 'UNAUTHENTICATED',
  BAD_CREDENTIALS: 'UNAUTHENTICATED',
  SESSION_EXPIRED: 'UNAUTHENTICATED',
  INVALID_API_KEY: 'UNAUTHENTICATED',
  ROLE_REQUIRED: 'FORBIDDEN',
  NOT_OWNER: 'FORBIDDEN',
  SELLER_SUSPENDED: 'FORBIDDEN',
  INVALID_INPUT: 'BAD_USER_INPUT',
  EMAIL_TAKEN: 'CONFLICT',
  LEAD_NOT_FOUND: 'NOT_FOUND',
  SEGMENT_NOT_FOUND: 'NOT_FOUND',
  LEAD_NOT_WITHDRAWABLE: 'CONFLICT',
  LEAD_ALREADY_ERASED: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  EXTERNAL_ID_TAKEN: 'CONFLICT',
  LEAD_SOLD_OUT: 'CONFLICT',
  LEAD_ALREADY_BOUGHT: 'CONFLICT',
  NOT_ENOUGH_LEADS: 'CONFLICT',
  ORDER_NOT_FOUND: 'NOT_FOUND',
  ORDER_NOT_PAYABLE: 'CONFLICT',
  ORDER_NOT_CANCELLABLE: 'CONFLICT',
  // paying from the wallet (issue 15)
  ORDER_ALREADY_PAID: 'CONFLICT',
  ORDER_HOLD_EXPIRED: 'CONFLICT',
  PURCHASE_NOT_FOUND: 'NOT_FOUND',
  PAYMENT_PROVIDER_UNAVAILABLE: 'PAYMENT_REQUIRED',
  ALREADY_DISPUTED: 'CONFLICT',
  RETURN_WINDOW_CLOSED: 'CONFLICT',
  DISPUTE_NOT_FOUND: 'NOT_FOUND',
  DISPUTE_ALREADY_RESOLVED: 'CONFLICT',
  TASK_NOT_FOUND: 'NOT_FOUND',
  TASK_ALREADY_DONE: 'CONFLICT',
  DELIVERY_NOT_FOUND: 'NOT_FOUND',
  CAMPAIGN_NOT_FOUND: 'NOT_FOUND',
  PING_NOT_FOUND: 'NOT_FOUND',
  INSUFFICIENT_FUNDS: 'PAYMENT_REQUIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  // hardening (issue 10)
  UPLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UPLOAD_FAILED: 'BAD_REQUEST',
  INVALID_CURSOR: 'BAD_USER_INPUT',
  HELD_LEADS_LIMIT: 'CONFLICT',
  OPEN_ORDERS_LIMIT: 'CONFLICT',
  WEBHOOK_URL_FORBIDDEN: 'BAD_USER_INPUT',
  WEBHOOK_ENDPOINT_NOT_FOUND: 'NOT_FOUND',
  // delivery endpoints (issue 14): a buyer has at most MAX_ENDPOINTS_PER_BUYER active ones
  DELIVERY_ENDPOINTS_LIMIT: 'CONFLICT',
  API_KEY_SCOPE_REQUIRED: 'FORBIDDEN',
  API_KEY_EXPIRED: 'UNAUTHENTICATED',
  PASSWORD_TOO_WEAK: 'BAD_USER_INPUT',
  SELLER_NOT_FOUND: 'NOT_FOUND',
  // lead trust (issue 11): the lead's person is on the buyer's own suppression list
  ALREADY_YOUR_CONTACT: 'CONFLICT',
  // lifecycles (issue 12): a status change its entity's lifecycle does not allow (see shared/lifecycle.ts)
  TRANSITION_NOT_ALLOWED: 'CONFLICT',
  // consent certificates (issue 13); at lead submission they are per-lead issues, not request errors
  CONSENT_ORIGIN_NOT_ALLOWED: 'FORBIDDEN',
  CONSENT_ORIGIN_INVALID: 'BAD_USER_INPUT',
  CONSENT_ORIGIN_NOT_FOUND: 'NOT_FOUND',
  CONSENT_CERTIFICATE_NOT_FOUND: 'NOT_FOUND',
  CONSENT_CERTIFICATE_REUSED: 'CONFLICT',
  CONSENT_CERTIFICATE_REQUIRED: 'BAD_USER_INPUT',
  CONSENT_CERTIFICATE_MISMATCH: 'BAD_USER_INPUT',
  CONSENT_CERTIFICATE_EXPIRED: 'CONFLICT',
  CONSENT_CERTIFICATE_INVALID: 'BAD_USER_INPUT',
  // returns as agreed (issue 14): the buyer's return policy refuses the return
  RETURN_RATE_CAP_REACHED: 'CONFLICT',
  RETURN_REASON_NOT_ALLOWED: 'BAD_USER_INPUT',
  REMEDY_NOT_ALLOWED: 'BAD_USER_INPUT',
  BUYER_NOT_FOUND: 'NOT_FOUND',
  // sign-in (issue 16): two-factor, password reset, e-mail verification, sessions
  BAD_TWO_FACTOR_CODE: 'UNAUTHENTICATED',
  TWO_FACTOR_CHALLENGE_INVALID: 'UNAUTHENTICATED',
  TWO_FACTOR_ENROLMENT_REQUIRED: 'FORBIDDEN',
  TWO_FACTOR_MANDATORY: 'FORBIDDEN',
  TOTP_CODE_INVALID: 'BAD_USER_INPUT',
  TOTP_ALREADY_ENABLED: 'CONFLICT',
  TOTP_NOT_ENABLED: 'CONFLICT',
  TOTP_ENROLMENT_NOT_STARTED: 'CONFLICT',
  PASSWORD_RESET_TOKEN_INVALID: 'BAD_USER_INPUT',
  EMAIL_VERIFICATION_TOKEN_INVALID: 'BAD_USER_INPUT',
  EMAIL_ALREADY_VERIFIED: 'CONFLICT',
  SESSION_NOT_FOUND: 'NOT_FOUND',
  // teams (issue 16): the member's role inside the organisation does not allow it (auth/member-roles.rules.ts)
  MEMBER_ROLE_REQUIRED: 'FORBIDDEN',
  LAST_OWNER: 'CONFLICT',
  MEMBER_NOT_FOUND: 'NOT_FOUND',
  INVITATION_NOT_FOUND: 'NOT_FOUND',
  INVITATION_INVALID: 'BAD_USER_INPUT',
} as const satisfies Record<string, ErrorCategory>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CATEGORY;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fields: FieldError[];
  /** seconds until a RATE_LIMITED request may be retried (`extensions.retryAfter`) */
  readonly retryAfter?: number;

  constructor(code: DomainErrorCode, message: string, fields: FieldError[] = [], options: { retryAfter?: number } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
    if (options.retryAfter != null) this.retryAfter = options.retryAfter;
  }

  get category(): ErrorCategory {
    return DOMAIN_ERROR_CATEGORY[this.code];
  }
}

export function badInput(fields: FieldError[], message = 'Some input is invalid'): DomainError {
  return new DomainError('INVALID_INPUT', message, fields);
}
