// Brute-force guard for sign-in: rate-limiter-flexible's login-protection pattern on Redis, with an in-memory
// insurance limiter behind every Redis limiter so Redis being away still limits (per process) instead of failing open.
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../shared/domain-error';
import { insuredLimiter, retryAfterSeconds } from '../shared/insured-limiter';
import { clientKey, pairBlockSeconds, SIGN_IN_LIMITS } from './sign-in-limits.rules';

export interface SignInGuard {
  /** throws RATE_LIMITED while this e-mail+IP pair, this IP, or (for IPs new to the account) this e-mail is blocked */
  check(ip: string, email: string): Promise<void>;
  /** counts a failed sign-in (unknown e-mail or wrong password alike, so the guard does not tell them apart) */
  failed(ip: string, email: string): Promise<void>;
  /** a successful sign-in: clears the pair's failures and remembers the IP as known to the account */
  succeeded(ip: string, email: string): Promise<void>;
}

// e-mails are contact data: Redis keys carry a digest, never the address
const digest = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 24);

const refused = (res: RateLimiterRes) => {
  const seconds = retryAfterSeconds(res.msBeforeNext);
  return new DomainError('RATE_LIMITED', `Too many failed sign-ins; try again in ${seconds} s`, [], { retryAfter: seconds });
};

export function createSignInGuard(redis: Redis, prefix: string): SignInGuard {
  const L = SIGN_IN_LIMITS;
  // points are "failures", counted with penalty() (which never refuses) and turned into blocks by the rules
  const pairFails = insuredLimiter(redis, { keyPrefix: `${prefix}-signin-pair-fails`, points: L.consecutiveFailsPerPair, duration: L.pairMemorySeconds });
  const pairBlock = insuredLimiter(redis, { keyPrefix: `${prefix}-signin-pair-block`, points: 1, duration: L.pairMaxBlockSeconds });
  const ipFails = insuredLimiter(redis, {
    keyPrefix: `${prefix}-signin-ip-fails`,
    points: L.failsPerIpPerDay,
    duration: 24 * 3600,
    blockDuration: L.ipBlockSeconds,
  });
  const emailFails = insuredLimiter(redis, { keyPrefix: `${prefix}-signin-email-fails`, points: L.failsPerEmailPerDay, duration: 24 * 3600 });
  const knownIps = insuredLimiter(redis, { keyPrefix: `${prefix}-signin-known-ip`, points: 1, duration: L.knownIpSeconds });
  const pairKey = (ip: string, email: string) => `${digest(email)}_${clientKey(ip)}`;

  return {
    async check(ip, email) {
      const pair = pairKey(ip, email);
      const [blocked, byIp, byEmail, known] = await Promise.all([
        pairBlock.get(pair),
        ipFails.get(clientKey(ip)),
        emailFails.get(digest(email)),
        knownIps.get(pair),
      ]);
      if (blocked && blocked.consumedPoints > 1) throw refused(blocked);
      if (byIp && byIp.consumedPoints > L.failsPerIpPerDay) throw refused(byIp);
      // many IPs against one account: new IPs wait until the day's count runs out; the owner's usual IPs do not
      if (byEmail && byEmail.consumedPoints >= L.failsPerEmailPerDay && !known) throw refused(byEmail);
    },

    async failed(ip, email) {
      const pair = pairKey(ip, email);
      const [fails] = await Promise.all([
        pairFails.penalty(pair),
        emailFails.penalty(digest(email)),
        // consume() blocks the IP for ipBlockSeconds once it goes over; the failure that crosses it is still answered as a failure
        ipFails.consume(clientKey(ip)).catch((res: unknown) => {
          if (res instanceof Error) throw res;
        }),
      ]);
      const seconds = pairBlockSeconds(fails.consumedPoints);
      if (seconds > 0) await pairBlock.block(pair, seconds);
    },

    async succeeded(ip, email) {
      const pair = pairKey(ip, email);
      await Promise.all([pairFails.delete(pair), knownIps.set(pair, 1, L.knownIpSeconds)]);
    },
  };
}
