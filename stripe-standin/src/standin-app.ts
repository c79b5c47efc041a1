// createStripeStandin: the express app that answers the official Stripe SDK, with its state and webhook sender.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import Stripe from 'stripe';
import { accountsRouter } from './accounts.router';
import { balanceRouter } from './balance.router';
import { checkoutPageRouter } from './checkout-page';
import { expireDueCheckoutSessions } from './checkout-sessions';
import { checkoutSessionsRouter } from './checkout-sessions.router';
import { customersRouter } from './customers.router';
import { recordEvent } from './events';
import { eventsRouter } from './events.router';
import { onboardingPageRouter } from './onboarding-page';
import { paymentIntentsRouter } from './payment-intents.router';
import { refundsRouter } from './refunds.router';
import { standinAdminRouter } from './standin-admin.router';
import type { EventRecord } from './standin-objects';
import { createStandinState, type StandinContext, type StandinState } from './standin-state';
import { transfersRouter } from './transfers.router';
import { createWebhookDelivery } from './webhook-delivery';

export interface StripeStandinOptions {
  /** Where events are POSTed; without one they are only recorded. */
  webhookUrl?: string;
  /** The endpoint's signing secret (`whsec_…`), the same the app passes to `constructEvent`. */
  webhookSecret: string;
  /** How browsers reach the stand-in, e.g. http://127.0.0.1:12111: the base of hosted-page URLs. */
  publicUrl: string;
  now?: () => Date;
  /** `api_version` stamped on events; the installed SDK's version by default. */
  apiVersion?: string;
  /** Waits between webhook attempts after a failure (default 100, 500, 2000 ms). */
  webhookRetryDelaysMs?: number[];
  log?: (line: string) => void;
}

export interface StripeStandin {
  app: Express;
  state: StandinState;
  /** Resolves once every queued webhook delivery, retries included, has finished. */
  deliverPendingEvents(): Promise<void>;
  /** Sends an event again (same id, fresh signature) and resolves with its delivery record. */
  replayEvent(id: string): Promise<EventRecord>;
  setWebhookUrl(url: string | undefined): void;
  /** Expires open Checkout Sessions whose `expires_at` has passed (also done before every API request). */
  expireDueSessions(): void;
  /** Drops pending webhook retries (call before closing the server). */
  stop(): void;
}

function unknownUrl(req: Request, res: Response): void {
  res.status(404).json({
    error: {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${req.method}: ${req.originalUrl}). The Stripe stand-in implements only part of the API.`,
    },
  });
}

// body-parser failures (malformed or oversized bodies) in Stripe's error shape
function badBody(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const status = (err as { status?: number }).status;
  if (!status || status >= 500) return next(err);
  res.status(status).json({ error: { type: 'invalid_request_error', message: (err as Error).message } });
}

export function createStripeStandin(options: StripeStandinOptions): StripeStandin {
  let webhookUrl = options.webhookUrl;
  const now = options.now ?? (() => new Date());
  const apiVersion = options.apiVersion ?? Stripe.API_VERSION;
  const state = createStandinState();
  const delivery = createWebhookDelivery({
    secret: options.webhookSecret,
    getUrl: () => webhookUrl,
    retryDelaysMs: options.webhookRetryDelaysMs,
    log: options.log,
  });
  const ctx: StandinContext = {
    state,
    now,
    publicUrl: options.publicUrl.replace(/\/$/, ''),
    apiVersion,
    emit(type, object, emitOptions) {
      const record = recordEvent(state, type, object, { ...emitOptions, apiVersion, now: now(), endpointConfigured: Boolean(webhookUrl) });
      if (webhookUrl) void delivery.enqueue(record);
      return record.event;
    },
  };

  async function replayEvent(id: string): Promise<EventRecord> {
    const record = state.events.get(id);
    if (!record) throw new Error(`No such event: '${id}'`);
    if (!webhookUrl) throw new Error('No webhook URL is configured to replay to');
    await delivery.enqueue(record, true);
    return record;
  }

  const app = express();
  app.disable('x-powered-by');
  app.use('/v1', express.text({ type: 'application/x-www-form-urlencoded', limit: '1mb' }));
  app.use('/v1', (_req, _res, next) => {
    expireDueCheckoutSessions(ctx);
    next();
  });
  for (const router of [
    customersRouter,
    checkoutSessionsRouter,
    paymentIntentsRouter,
    refundsRouter,
    accountsRouter,
    transfersRouter,
    balanceRouter,
    eventsRouter,
  ]) {
    app.use(router(ctx));
  }
  app.use(checkoutPageRouter(ctx));
  app.use(onboardingPageRouter(ctx));
  app.use(standinAdminRouter(ctx, { replayEvent, webhookUrl: () => webhookUrl }));
  app.use('/v1', unknownUrl);
  app.use(badBody);

  return {
    app,
    state,
    deliverPendingEvents: () => delivery.whenIdle(),
    replayEvent,
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    expireDueSessions: () => expireDueCheckoutSessions(ctx),
    stop: () => delivery.stop(),
  };
}
