// The start command (`pnpm start`, run by scripts/start.sh): makes sure Redis answers (starting a local
// redis-server if needed), starts a local SMTP catcher with a web inbox (maildev) unless SMTP_URL is set, then
// runs the product (scripts/run-product.ts) as a supervised child process that is started again, with a short
// backoff, whenever it crashes. SIGINT/SIGTERM stop everything.
// LEADEX_PRODUCT_SCRIPT runs another script instead (the supervision test gives it one that crashes).
// Logs are pretty-printed for the terminal unless NODE_ENV=production or LOG_FORMAT says otherwise.
import { loadConfig } from '@leadex/core/config';
import { createProcessLogger, installProcessGuards } from '@leadex/core/process-guards';
import { fileURLToPath } from 'node:url';
import { ensureMailCatcher } from './ensure-mail-catcher';
import { ensureRedis } from './ensure-redis';
import { defaultLogFormat } from './log-format';
import { supervise } from './supervisor';

// before the first logger exists; the product process inherits it
defaultLogFormat(process.env);
const logger = createProcessLogger('leadex-supervisor');
installProcessGuards('leadex-supervisor', { logger });

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value >= 0 ? value : fallback;
};

async function main() {
  const config = loadConfig();
  // Redis belongs to the supervisor, so a restarted product finds the same server (and its queued jobs)
  const redisChild = await ensureRedis(config.REDIS_URL, config.DATA_DIR);
  if (redisChild) {
    logger.info({ redisPid: redisChild.pid }, 'started a local redis-server');
    process.on('exit', () => redisChild.kill());
  }
  // the catcher belongs to the supervisor too, so a restarted product keeps the same inbox; the product learns
  // of it through its environment (SMTP_URL, and LEADEX_MAIL_INBOX_URL for the banner)
  const catcher = await ensureMailCatcher(process.env, config.DATA_DIR).catch((err: Error) => {
    logger.warn({ err: err.message }, 'could not start the local SMTP catcher (ports 1025/1080 taken?); e-mail will fail until SMTP_URL is set');
    return null;
  });
  if (catcher) {
    process.env.SMTP_URL = catcher.smtpUrl;
    process.env.LEADEX_MAIL_INBOX_URL = catcher.inboxUrl;
    logger.info({ inbox: catcher.inboxUrl }, 'started a local SMTP catcher (maildev)');
  }
  const code = await supervise({
    script: process.env.LEADEX_PRODUCT_SCRIPT ?? fileURLToPath(new URL('./run-product.ts', import.meta.url)),
    logger,
    backoffMs: number('SUPERVISOR_BACKOFF_SECONDS', 1) * 1000,
    maxCrashes: number('SUPERVISOR_MAX_CRASHES', 5),
    crashWindowMs: number('SUPERVISOR_CRASH_WINDOW_SECONDS', 60) * 1000,
  });
  redisChild?.kill();
  await catcher?.stop().catch(() => {});
  process.exit(code);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
