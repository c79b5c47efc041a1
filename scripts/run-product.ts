// The whole product in one process: database (embedded PGlite unless DATABASE_URL), demo data on first start,
// the API with the built web app, the BullMQ workers and (without Stripe credentials) the Stripe stand-in.
// scripts/start.ts runs this as a supervised child and starts it again if it crashes; Redis is the supervisor's.
import { createHttpApp } from '@leadex/api';
import { createRuntime, loadConfig } from '@leadex/core';
import { installProcessGuards, onShutdownSignal } from '@leadex/core/process-guards';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '@leadex/core/seed/demo-data';
import { startWorkers } from '@leadex/workers';
import { startStripeStandin } from '@leadex/stripe-standin';
import { defaultLogFormat } from './log-format';

// run by scripts/start.ts this is already set; run on its own (`tsx scripts/run-product.ts`) it is set here
defaultLogFormat(process.env);
// an error nothing caught ends this process with a log line; the supervisor then starts a fresh one
const guards = installProcessGuards('leadex');

async function main() {
  let config = loadConfig();
  // no Stripe credentials: the local stand-in plays Stripe (hosted checkout, refunds, transfers, webhooks)
  const standin =
    config.STRIPE_API_URL || config.STRIPE_SECRET_KEY.startsWith('sk_live_') || process.env.STRIPE_SECRET_KEY
      ? null
      : await startStripeStandin({
          port: Number(process.env.STRIPE_STANDIN_PORT ?? 12111),
          webhookSecret: config.STRIPE_WEBHOOK_SECRET,
          webhookUrl: `http://127.0.0.1:${config.PORT}/webhooks/stripe`,
        });
  if (standin) config = { ...config, STRIPE_API_URL: standin.url };
  const runtime = await createRuntime(config, { name: 'leadex' });
  const log = runtime.deps.logger;
  guards.useLogger(log);
  // closing the embedded database on the way out spares the next start a crash recovery
  guards.onFatal(() => runtime.close());
  if (await seedDemoData(runtime.deps)) log.info('demo data seeded');
  const { app, apollo } = await createHttpApp(runtime);
  const workers = await startWorkers(runtime);
  const server = app.listen(config.PORT, () => {
    console.log(`
  Leadex is running (${runtime.dbHandle.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL'})
    web app   http://localhost:${config.PORT}/
    GraphQL   http://localhost:${config.PORT}/graphql
    queues    http://localhost:${config.PORT}/admin/queues (operators)
    Stripe    ${standin ? `local stand-in at ${standin.url} (test card 4242 4242 4242 4242)` : 'api.stripe.com'}
    e-mail    ${mailLine(config.SMTP_URL)}
  Demo accounts (password "${DEMO_PASSWORD}"):
    operator  ${DEMO_ACCOUNTS.operator}
    sellers   ${DEMO_ACCOUNTS.sellers.join(', ')}
    buyers    ${DEMO_ACCOUNTS.buyers.join(', ')}
`);
  });
  onShutdownSignal(async (signal) => {
    log.info({ signal }, 'shutting down');
    server.close();
    await workers.close();
    await apollo.stop();
    await runtime.close();
    await standin?.close();
  });
}

// where sent e-mail can be read: the start command's local inbox, or the SMTP server's host (never its credentials)
function mailLine(smtpUrl: string): string {
  const inbox = process.env.LEADEX_MAIL_INBOX_URL;
  if (inbox) return `local inbox at ${inbox} (SMTP catcher on ${new URL(smtpUrl).host})`;
  return `SMTP server ${new URL(smtpUrl).host}`;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
