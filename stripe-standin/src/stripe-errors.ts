// Errors in Stripe's wire shape `{ error: { type, code, message, param } }`, each with its HTTP status.

export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  [extra: string]: unknown;
}

export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  // Stripe keeps an idempotent result only once the endpoint started executing: a request that failed
  // parameter validation can be retried with the same key once it is fixed.
  readonly savedForIdempotency: boolean;

  constructor(status: number, body: StripeErrorBody, savedForIdempotency = true) {
    super(body.message);
    this.name = 'StripeApiError';
    this.status = status;
    this.body = body;
    this.savedForIdempotency = savedForIdempotency;
  }
}

function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}` } : body;
}

export function invalidRequest(message: string, options: { code?: string; param?: string; status?: number } = {}): StripeApiError {
  const { status = 400, ...rest } = options;
  return new StripeApiError(status, withDocUrl({ type: 'invalid_request_error', message, ...rest }));
}

/** A malformed parameter: rejected before anything runs, so not remembered under an idempotency key. */
export function invalidParam(param: string, message: string, code?: string): StripeApiError {
  return new StripeApiError(400, withDocUrl({ type: 'invalid_request_error', message, param, ...(code ? { code } : {}) }), false);
}

/** `No such payment_intent: 'pi_…'` — 404 when the id is in the path, 400 when it is a body reference. */
export function resourceMissing(kind: string, id: string, param = 'id', status = 404): StripeApiError {
  return invalidRequest(`No such ${kind}: '${id}'`, { code: 'resource_missing', param, status });
}

/** A card the issuer refused (402): `code` is `card_declined` with a `decline_code`, or e.g. `expired_card`. */
export function cardError(failure: { code: string; declineCode?: string; message: string }, extra: Record<string, unknown> = {}): StripeApiError {
  const { code, declineCode, message } = failure;
  return new StripeApiError(402, withDocUrl({ type: 'card_error', code, message, ...(declineCode ? { decline_code: declineCode } : {}), ...extra }));
}
