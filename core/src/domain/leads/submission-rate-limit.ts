// How many leads an organisation may submit per minute, over every channel (GraphQL, CSV, API key,
// ping-post): a cap on the throughput of probing, and on one seller filling the database.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../shared/domain-error';
import { insuredLimiter, retryAfterSeconds } from '../shared/insured-limiter';

export interface LeadSubmissionLimit {
  /** counts `leads` submitted leads for the organisation; throws RATE_LIMITED (with retryAfter) over the limit */
  consume(organizationId: string, leads: number): Promise<void>;
}

const WINDOW_SECONDS = 60;
// one warning a minute is enough to see that Redis is away; one per request would flood the log
const FALLBACK_WARNING_INTERVAL_MS = 60_000;

// The insurance limiter counts in this process's memory while Redis is unreachable: submissions go on,
// still limited (per process rather than cluster-wide), and the log says so.
class AnnouncedMemoryLimiter extends RateLimiterMemory {
  private lastWarning = 0;

  constructor(
    points: number,
    private readonly logger: Logger,
  ) {
    super({ points, duration: WINDOW_SECONDS });
  }

  override consume(key: string | number, points?: number, options?: { [key: string]: unknown }) {
    const now = Date.now();
    if (now - this.lastWarning >= FALLBACK_WARNING_INTERVAL_MS) {
      this.lastWarning = now;
      this.logger.warn('lead submission limit: Redis unavailable, counting in process memory');
    }
    return super.consume(key, points, options);
  }
}

export function createLeadSubmissionLimit(redis: Redis, options: { perMinute: number; prefix: string; logger: Logger }): LeadSubmissionLimit {
  const limiter = insuredLimiter(redis, {
    keyPrefix: `${options.prefix}-lead-submissions`,
    points: options.perMinute,
    duration: WINDOW_SECONDS,
    insurance: new AnnouncedMemoryLimiter(options.perMinute, options.logger),
  });
  return {
    async consume(organizationId, leads) {
      if (leads > options.perMinute) {
        // never allowed, however long the caller waits: refused without spending the minute's budget
        throw new DomainError(
          'RATE_LIMITED',
          `A batch of ${leads} leads is more than the ${options.perMinute} leads a minute allowed; send smaller batches`,
          [],
          { retryAfter: WINDOW_SECONDS },
        );
      }
      try {
        await limiter.consume(organizationId, leads);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        const retryAfter = retryAfterSeconds(err.msBeforeNext);
        throw new DomainError('RATE_LIMITED', `Too many leads submitted: at most ${options.perMinute} a minute; try again in ${retryAfter} s`, [], {
          retryAfter,
        });
      }
    },
  };
}
