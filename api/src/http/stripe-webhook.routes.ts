// POST /webhooks/stripe: the signature is checked by the SDK on the raw body; bad signatures change nothing.
// A good signature is not enough to move money: the handler re-reads the object from Stripe first, and an
// event Stripe does not confirm is answered 200 (outcome NOT_CONFIRMED) so it is not retried forever.
import express, { Router } from 'express';
import type Stripe from 'stripe';
import type { AppDeps } from '@leadex/core';
import { handleStripeEvent } from '@leadex/core/domain/payments/handle-stripe-event';

export function stripeWebhookRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    let event: Stripe.Event;
    try {
      event = deps.stripe.webhooks.constructEvent(req.body as Buffer, req.get('stripe-signature') ?? '', deps.config.STRIPE_WEBHOOK_SECRET);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'stripe webhook refused: bad signature');
      res.status(400).json({ error: 'invalid signature' });
      return;
    }
    try {
      const outcome = await handleStripeEvent(deps, event);
      deps.logger.info({ eventId: event.id, type: event.type, outcome }, 'stripe event handled');
      res.json({ received: true, outcome });
    } catch (err) {
      // a 500 makes Stripe deliver the event again later; nothing of it was committed
      deps.logger.error({ eventId: event.id, err }, 'stripe event failed');
      res.status(500).json({ error: 'event not processed' });
    }
  });
  return router;
}
