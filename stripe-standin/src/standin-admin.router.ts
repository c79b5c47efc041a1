// Test-only routes under /_standin (no API key): pay a session or finish onboarding without a browser,
// inspect webhook deliveries, replay an event, check health.
import express, { Router } from 'express';
import { completeOnboarding } from './accounts';
import { payCheckoutSession, successRedirect } from './checkout-sessions';
import { AUTOMATIC } from './events';
import { StripeApiError } from './stripe-errors';
import type { EventRecord } from './standin-objects';
import { snapshot, type StandinContext } from './standin-state';
import { parseExpiry } from './checkout-page';

export interface AdminHooks {
  replayEvent(id: string): Promise<EventRecord>;
  webhookUrl(): string | undefined;
}

function sendError(res: express.Response, err: unknown): void {
  if (!(err instanceof StripeApiError)) throw err;
  res.status(err.status).json({ error: err.body });
}

function deliverySummary(record: EventRecord) {
  const { event } = record;
  return { id: event.id, type: event.type, created: event.created, delivery: record.delivery, attempts: record.deliveries };
}

export function standinAdminRouter(ctx: StandinContext, hooks: AdminHooks): Router {
  const router = Router();
  router.use('/_standin', express.json());
  router.get('/_standin/health', (_req, res) => void res.json({ ok: true, service: 'stripe-standin' }));

  router.post('/_standin/checkout/:id/pay', (req, res) => {
    const body = (req.body ?? {}) as { card?: string; expiry?: string; cvc?: string; name?: string; email?: string };
    const card = { number: body.card ?? '4242424242424242', ...parseExpiry(body.expiry ?? '12/34'), cvc: body.cvc ?? '123', name: body.name };
    try {
      const payment = payCheckoutSession(ctx, req.params.id, { card, email: body.email }, AUTOMATIC);
      if (!payment.ok) {
        const { failure } = payment;
        return void res.status(402).json({
          error: {
            type: 'card_error',
            code: failure.code,
            ...(failure.declineCode ? { decline_code: failure.declineCode } : {}),
            message: failure.message,
            payment_intent: payment.intent && snapshot(payment.intent),
          },
        });
      }
      res.json({ session: payment.session, payment_intent: payment.intent, redirect_url: successRedirect(payment.session) });
    } catch (err) {
      sendError(res, err);
    }
  });

  router.post('/_standin/accounts/:id/complete-onboarding', (req, res) => {
    try {
      res.json(completeOnboarding(ctx, req.params.id, AUTOMATIC));
    } catch (err) {
      sendError(res, err);
    }
  });

  router.get('/_standin/events', (req, res) => {
    const type = typeof req.query.type === 'string' ? req.query.type : undefined;
    const limit = Math.min(Number(req.query.limit) || 100, 1000);
    const records = [...ctx.state.events.values()].reverse().filter((r) => !type || r.event.type === type);
    res.json({ data: records.slice(0, limit).map(deliverySummary), total: records.length });
  });

  router.post('/_standin/events/:id/replay', async (req, res) => {
    if (!ctx.state.events.has(req.params.id))
      return void res.status(404).json({ error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such event: '${req.params.id}'` } });
    if (!hooks.webhookUrl())
      return void res.status(409).json({ error: { type: 'invalid_request_error', message: 'No webhook URL is configured to replay to.' } });
    res.json(deliverySummary(await hooks.replayEvent(req.params.id)));
  });
  return router;
}
