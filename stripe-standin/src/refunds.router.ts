// /v1/refunds: create, retrieve, list (by payment_intent or charge).
import { Router } from 'express';
import { apiRoute } from './api-route';
import { listPage } from './list-pages';
import { createRefund, getRefund, REFUND_REASONS, refundsNewestFirst } from './refunds';
import type { StandinContext } from './standin-state';

export function refundsRouter(ctx: StandinContext): Router {
  const router = Router();
  router.post(
    '/v1/refunds',
    apiRoute(ctx, ({ params, origin }) =>
      createRefund(
        ctx,
        {
          paymentIntent: params.string('payment_intent'),
          charge: params.string('charge'),
          amount: params.integer('amount', { min: 1 }),
          reason: params.oneOf('reason', REFUND_REASONS),
          metadata: params.metadata(),
        },
        origin,
      ),
    ),
  );
  router.get(
    '/v1/refunds/:id',
    apiRoute(ctx, ({ path }) => getRefund(ctx, path.id!)),
  );
  router.get(
    '/v1/refunds',
    apiRoute(ctx, ({ params }) =>
      listPage(refundsNewestFirst(ctx, { paymentIntent: params.string('payment_intent'), charge: params.string('charge') }), params, '/v1/refunds'),
    ),
  );
  return router;
}
