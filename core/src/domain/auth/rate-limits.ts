// The rate limits the auth domain keeps on Redis (each with an in-memory insurance limiter).
import type { Redis } from 'ioredis';
import { createSignInGuard, type SignInGuard } from './sign-in-guard';

export interface RateLimits {
  signIn: SignInGuard;
}

export function createRateLimits(redis: Redis, prefix = 'leadex-rl'): RateLimits {
  return { signIn: createSignInGuard(redis, prefix) };
}
