// @leadex/core: the domain and what it runs on — configuration, runtime (database, Redis, queues, vault,
// logger), queue contracts. The API (GraphQL, HTTP) and the workers both depend on it; it depends on neither.
export { createRuntime, createLogger, type Runtime } from './bootstrap';
export { loadConfig, type Config } from './config';
export type { AppDeps } from './domain/app-deps';
export * from './queues/job-payloads';
export { runSpotCheck, findPendingBatches } from './domain/verification/run-spot-check';
export { repriceLeads } from './domain/pricing/pricing.service';
export { expireLeads } from './domain/pricing/expire-leads';
