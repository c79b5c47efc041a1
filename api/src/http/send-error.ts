// Domain errors on plain HTTP routes: the same codes as GraphQL, with a fitting status.
import type { Response } from 'express';
import { DomainError, type ErrorCategory } from '@leadex/core/domain/shared/domain-error';

const STATUS: Record<ErrorCategory, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYMENT_REQUIRED: 402,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
};

export function sendDomainError(res: Response, err: unknown): boolean {
  if (!(err instanceof DomainError)) return false;
  if (err.retryAfter != null) res.setHeader('retry-after', String(err.retryAfter));
  res.status(STATUS[err.category]).json({
    error: {
      code: err.category,
      reason: err.code,
      message: err.message,
      fields: err.fields,
      ...(err.retryAfter != null ? { retryAfter: err.retryAfter } : {}),
    },
  });
  return true;
}
