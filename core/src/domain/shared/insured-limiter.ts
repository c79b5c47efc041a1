// Rate limits on Redis (rate-limiter-flexible) that keep limiting when Redis is away: an in-memory insurance
// limiter answers at once for a client that is not connected, per process instead of cluster-wide.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export interface InsuredLimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
  /** the limiter used while Redis is unreachable; by default a plain in-memory one with the same limits */
  insurance?: RateLimiterMemory;
}

export function insuredLimiter(redis: Redis, o: InsuredLimiterOptions): RateLimiterRedis {
  const { keyPrefix, points, duration, blockDuration = 0 } = o;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    blockDuration,
    // a disconnected client goes straight to the insurance limiter instead of waiting on a dead socket
    rejectIfRedisNotReady: true,
    insuranceLimiter: o.insurance ?? new RateLimiterMemory({ keyPrefix, points, duration, blockDuration }),
  });
}

/** Whole seconds until a refused caller may try again (at least 1), for `retryAfter` and `Retry-After`. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}
