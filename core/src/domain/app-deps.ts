// What domain functions are given to do their work: the database, the clock, the vault, the queues.
import type { Db } from '@leadex/db';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { ContactVault } from './leads/contact-vault';
import type { LeadSubmissionLimit } from './leads/submission-rate-limit';
import type { RateLimits } from './auth/rate-limits';
import type { JobQueues } from '../queues/job-queues';
import type { StripeClient } from '../stripe/stripe-client';
import type { Mailer } from '../mail/mailer';

export interface AppDeps {
  db: Db;
  config: Config;
  vault: ContactVault;
  /** injected so rules that depend on time (freshness, windows, expiry) are testable without sleeping */
  clock: () => Date;
  /** a uniform random number in [0, 1) for WEIGHTED distribution; crypto-backed when absent (injected by tests) */
  random?: () => number;
  logger: Logger;
  jobs: JobQueues;
  rateLimits: RateLimits;
  /** leads per minute per organisation, over every submission channel */
  leadSubmissions: LeadSubmissionLimit;
  stripe: StripeClient;
  /** outgoing e-mail over SMTP (mail/mailer.ts) */
  mailer: Mailer;
}
