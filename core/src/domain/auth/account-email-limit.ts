// How often one address and one client may ask for account e-mails (password reset, a new verification link):
// counted per request whether or not the address has an account, so the limit tells nobody which addresses do.
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../shared/domain-error';
import { insuredLimiter, retryAfterSeconds } from '../shared/insured-limiter';
import { clientKey } from './sign-in-limits.rules';

export const ACCOUNT_EMAIL_LIMITS = {
  /** account e-mails one address may be sent an hour */
  perEmailPerHour: 5,
  /** requests for account e-mails one client (IPv6: its /64) may make an hour, any addresses */
  perIpPerHour: 30,
} as const;

export interface AccountEmailLimit {
  /** throws RATE_LIMITED (with retryAfter) when this address or this client has asked too often */
  consume(ip: string, email: string): Promise<void>;
}

// addresses are contact data: Redis keys carry a digest, never the address
const digest = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 24);

export function createAccountEmailLimit(redis: Redis, prefix: string, limits = ACCOUNT_EMAIL_LIMITS): AccountEmailLimit {
  const byEmail = insuredLimiter(redis, { keyPrefix: `${prefix}-account-mail-email`, points: limits.perEmailPerHour, duration: 3600 });
  const byIp = insuredLimiter(redis, { keyPrefix: `${prefix}-account-mail-ip`, points: limits.perIpPerHour, duration: 3600 });
  return {
    async consume(ip, email) {
      try {
        await byIp.consume(clientKey(ip));
        await byEmail.consume(digest(email));
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        const seconds = retryAfterSeconds(res.msBeforeNext);
        throw new DomainError('RATE_LIMITED', `Too many e-mails asked for; try again in ${seconds} s`, [], { retryAfter: seconds });
      }
    },
  };
}
