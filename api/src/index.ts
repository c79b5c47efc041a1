// @leadex/api: what the workers and tests use — runtime, config, domain services, job payloads.
export { createRuntime, createLogger, type Runtime } from './bootstrap';
export { loadConfig, type Config } from './config';
export type { AppDeps } from './context';
export { createHttpApp } from './http/app';
export * from './queues/job-payloads';
export { runSpotCheck, findPendingBatches } from './domain/verification/run-spot-check';
export { repriceLeads } from './domain/pricing/pricing.service';
export { expireLeads } from './domain/pricing/expire-leads';
