// Last line of defence for a process: an error nothing caught is logged (without secrets) and the process
// exits non-zero at once, so the supervisor (scripts/start.ts) or the container runtime starts a clean one.
// Carrying on after an uncaught exception would serve requests from a process in an unknown state.
import { pino, type Logger } from 'pino';
import { logDestination } from './logging/log-destination';
import { safeMessage } from './logging/safe-error';

export type { Logger };

export interface ProcessGuards {
  /** log through the runtime's logger once it exists */
  useLogger(logger: Logger): void;
  /** best-effort cleanup before exiting (close the database, …); cut short after cleanupTimeoutMs */
  onFatal(cleanup: () => Promise<unknown>): void;
}

/** A plain pino logger for code that runs before (or without) the runtime's logger; LOG_LEVEL and LOG_FORMAT as in the config. */
export function createProcessLogger(name: string): Logger {
  const level = process.env.LOG_LEVEL ?? 'info';
  const options = { name, level: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level) ? level : 'info' };
  const stream = logDestination(process.env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json');
  return stream ? pino(options, stream) : pino(options);
}

/** What of an error is safe to log: its type, code, first message line without bound parameters, and frames. */
export function describeFatal(err: unknown): { type: string; code?: string; message: string; stack?: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: 'a non-Error value was thrown or rejected' };
  // the logger's own rule (drizzle's "params: …" cut, contact-shaped text scrubbed), on the first line only
  const firstLine = safeMessage(err.message.split('\n')[0] ?? '').slice(0, 300);
  const frames = err.stack
    ?.split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 15)
    .join('\n');
  const code = (err as { code?: unknown }).code;
  return { type: err.name, ...(typeof code === 'string' ? { code } : {}), message: firstLine, ...(frames ? { stack: frames } : {}) };
}

let current: ProcessGuards | null = null;

export function installProcessGuards(name: string, options: { logger?: Logger; cleanupTimeoutMs?: number } = {}): ProcessGuards {
  if (current) return current;
  let logger = options.logger ?? createProcessLogger(name);
  let cleanup: (() => Promise<unknown>) | null = null;
  let exiting = false;
  const fatal = (event: 'uncaughtException' | 'unhandledRejection') => (err: unknown) => {
    // a second failure while cleaning up: stop now
    if (exiting) process.exit(1);
    exiting = true;
    logger.fatal({ process: name, event, error: describeFatal(err) }, `${event} in ${name}; exiting`);
    const exit = () => {
      logger.flush?.();
      process.exit(1);
    };
    if (!cleanup) return exit();
    setTimeout(exit, options.cleanupTimeoutMs ?? 3000).unref();
    Promise.resolve()
      .then(cleanup)
      .catch(() => undefined)
      .finally(exit);
  };
  process.on('uncaughtException', fatal('uncaughtException'));
  process.on('unhandledRejection', fatal('unhandledRejection'));
  current = {
    useLogger: (l) => {
      logger = l;
    },
    onFatal: (fn) => {
      cleanup = fn;
    },
  };
  return current;
}

/**
 * Runs `stop` once, on the first SIGTERM or SIGINT (Ctrl-C can reach a process twice: from the terminal and from
 * the supervisor), then exits 0. A failing stop still exits, non-zero.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
