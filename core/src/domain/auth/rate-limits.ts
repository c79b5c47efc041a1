// The rate limits the auth domain keeps on Redis (each with an in-memory insurance limiter).
import type { Redis } from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { insuredLimiter } from '../shared/insured-limiter';
import { createAccountEmailLimit, type AccountEmailLimit } from './account-email-limit';
import { createSignInGuard, type SignInGuard } from './sign-in-guard';

export interface RateLimits {
  signIn: SignInGuard;
  /** password-reset and verification e-mails per address and per client (issue 16) */
  accountEmails: AccountEmailLimit;
  /** consent certificates issued per client IP a minute (the capture endpoint is public) */
  consentCertificates: RateLimiterRedis;
}

export function createRateLimits(redis: Redis, prefix = 'leadex-rl', options: { consentCertificatesPerMinute?: number } = {}): RateLimits {
  return {
    signIn: createSignInGuard(redis, prefix),
    accountEmails: createAccountEmailLimit(redis, prefix),
    consentCertificates: insuredLimiter(redis, {
      keyPrefix: `${prefix}-consent-certificates`,
      points: options.consentCertificatesPerMinute ?? 30,
      duration: 60,
    }),
  };
}
