// @leadex/workers: the job processors and the host that runs them.
export { startWorkers, type WorkerHostOptions } from './worker-host';
