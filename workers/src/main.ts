// Starts the BullMQ workers: `tsx workers/src/main.ts` (the README's start command runs it for you).
import { createRuntime, loadConfig } from '@leadex/core';
import { installProcessGuards, onShutdownSignal } from '@leadex/core/process-guards';
import { startWorkers } from './worker-host';

// an error nothing caught ends this process with a log line; whoever started it starts a fresh one
const guards = installProcessGuards('leadex-workers');

async function main() {
  const config = loadConfig();
  // the API migrates; with embedded PGlite (one process per data dir) workers need their own database
  if (!config.DATABASE_URL) throw new Error('workers need DATABASE_URL (the start script sets it up for you)');
  const runtime = await createRuntime(config, { name: 'leadex-workers', migrate: false });
  guards.useLogger(runtime.deps.logger);
  guards.onFatal(() => runtime.close());
  const host = await startWorkers(runtime);
  runtime.deps.logger.info({ queues: host.workers.map((w) => w.name) }, 'workers running');
  onShutdownSignal(async (signal) => {
    runtime.deps.logger.info({ signal }, 'workers draining');
    await host.close();
    await runtime.close();
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
