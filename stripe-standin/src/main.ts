// Runs the Stripe stand-in from the environment: `tsx stripe-standin/src/main.ts`.
import { installProcessGuards } from '@leadex/core/process-guards';
import { startStripeStandin } from './standin-server';

installProcessGuards('stripe-standin');

const port = Number(process.env.STRIPE_STANDIN_PORT ?? 12111);
const host = process.env.STRIPE_STANDIN_HOST ?? '127.0.0.1';
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_standin_dev';
const webhookUrl = process.env.STRIPE_WEBHOOK_URL ?? 'http://127.0.0.1:4000/webhooks/stripe';

const standin = await startStripeStandin({
  port,
  host,
  publicUrl: process.env.STRIPE_STANDIN_PUBLIC_URL,
  webhookSecret,
  webhookUrl,
  log: (line) => console.log(`[stripe-standin] ${line}`),
});
console.log(`[stripe-standin] listening on ${standin.url} (set STRIPE_API_URL=${standin.url}); webhooks → ${webhookUrl}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void standin.close().then(() => process.exit(0));
  });
}
