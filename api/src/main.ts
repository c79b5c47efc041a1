// Starts the API server: `tsx api/src/main.ts` (the README's start command runs it for you).
import type { Server } from 'node:http';
import { createRuntime } from '@leadex/core/bootstrap';
import { loadConfig } from '@leadex/core/config';
import { createHttpApp } from './http/app';
import { installProcessGuards, onShutdownSignal } from '@leadex/core/process-guards';

// first of all: an error nothing caught ends this process with a log line instead of a silent or half-dead one
const guards = installProcessGuards('leadex-api');

async function main() {
  const config = loadConfig();
  const runtime = await createRuntime(config, { name: 'leadex-api' });
  guards.useLogger(runtime.deps.logger);
  guards.onFatal(() => runtime.close());
  const { app, apollo } = await createHttpApp(runtime);
  const server: Server = app.listen(config.PORT, () => runtime.deps.logger.info({ port: config.PORT, database: runtime.dbHandle.kind }, 'API listening'));
  onShutdownSignal(async (signal) => {
    runtime.deps.logger.info({ signal }, 'API shutting down');
    server.close();
    await apollo.stop();
    await runtime.close();
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
