// Runs one child process and starts it again when it dies abnormally, so one bug never takes the product down
// for good. A clean exit (code 0) ends supervision; so do SIGINT/SIGTERM, which are passed on to the child.
// A child that keeps crashing (maxCrashes within crashWindowMs) is given up on, loudly, rather than looped.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '@leadex/core/process-guards';

export interface SupervisorOptions {
  /** the script to run, with the same node flags as this process (tsx's loader included) */
  script: string;
  logger: Logger;
  name?: string;
  backoffMs?: number; // first restart delay; doubles per crash in the window, up to maxBackoffMs
  maxBackoffMs?: number;
  maxCrashes?: number;
  crashWindowMs?: number;
  stopTimeoutMs?: number; // after a forwarded signal, how long the child gets before SIGKILL
}

/** Restart delay for the n-th recent crash (1-based): base, 2×base, 4×base … capped. */
export function restartDelayMs(recentCrashes: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, recentCrashes - 1));
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1));

/** Resolves with the exit code the supervisor itself should end with. */
export function supervise(options: SupervisorOptions): Promise<number> {
  const { script, logger } = options;
  const name = options.name ?? 'product';
  const baseMs = options.backoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const maxCrashes = options.maxCrashes ?? 5;
  const windowMs = options.crashWindowMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 20_000;

  return new Promise((resolve) => {
    let child: ChildProcess | null = null;
    let restartTimer: NodeJS.Timeout | null = null;
    let stopping = false;
    let crashes: number[] = [];

    const finish = (code: number) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('exit', killChild);
      resolve(code);
    };
    const killChild = () => child?.kill('SIGKILL');

    const start = () => {
      restartTimer = null;
      const proc = spawn(process.execPath, [...process.execArgv, script], { stdio: 'inherit', env: process.env });
      child = proc;
      logger.info({ childPid: proc.pid, script }, `${name} process started`);
      proc.on('error', (err) => logger.error({ err: err.message }, `${name} process could not be started`));
      proc.on('exit', (code, signal) => {
        child = null;
        if (stopping) {
          logger.info({ code, signal }, `${name} process stopped`);
          return finish(0);
        }
        if (code === 0) {
          logger.info(`${name} process exited cleanly; not restarting`);
          return finish(0);
        }
        const how = code !== null ? `code ${code}` : `signal ${signal}`;
        const now = Date.now();
        crashes = [...crashes.filter((t) => now - t < windowMs), now];
        if (crashes.length > maxCrashes) {
          logger.fatal(
            { crashes: crashes.length, windowSeconds: seconds(windowMs) },
            `${name} process exited with ${how}; it crashed ${crashes.length} times in ${seconds(windowMs)} s, giving up`,
          );
          return finish(1);
        }
        const delay = restartDelayMs(crashes.length, baseMs, maxBackoffMs);
        logger.error({ code, signal, restartInMs: delay }, `${name} process exited with ${how}; restarting in ${seconds(delay)} s`);
        restartTimer = setTimeout(start, delay);
      });
    };

    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        // a second Ctrl-C: do not wait for a graceful shutdown any longer
        killChild();
        return;
      }
      stopping = true;
      logger.info({ signal }, `stopping the ${name} process`);
      if (restartTimer) {
        clearTimeout(restartTimer);
        return finish(0);
      }
      if (!child) return finish(0);
      child.kill(signal);
      setTimeout(killChild, stopTimeoutMs).unref();
    };

    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // if the supervisor itself dies, the child goes with it instead of lingering unsupervised
    process.on('exit', killChild);
    start();
  });
}
