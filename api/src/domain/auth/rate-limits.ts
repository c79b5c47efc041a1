// Brute-force guards on Redis (rate-limiter-flexible): sign-in attempts per IP and per account.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../shared/domain-error';

export interface RateLimits {
  /** throws RATE_LIMITED when this IP or this e-mail made too many sign-in attempts */
  signInAttempt(ip: string, email: string): Promise<void>;
}

export function createRateLimits(redis: Redis, prefix = 'leadex-rl'): RateLimits {
  const perIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}-signin-ip`, points: 30, duration: 60 });
  const perAccount = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}-signin-acct`, points: 10, duration: 300 });
  return {
    async signInAttempt(ip, email) {
      try {
        await Promise.all([perIp.consume(ip), perAccount.consume(email.trim().toLowerCase())]);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          throw new DomainError('RATE_LIMITED', `Too many sign-in attempts; try again in ${Math.ceil(err.msBeforeNext / 1000)} s`);
        }
        // Redis being away must not lock everyone out: sign-in goes on unguarded, and the error is visible in logs
        throw Object.assign(new Error('rate limiter unavailable'), { cause: err, soft: true });
      }
    },
  };
}
