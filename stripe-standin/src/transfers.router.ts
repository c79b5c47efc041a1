// /v1/transfers (create, retrieve, list by destination or transfer_group) and /v1/transfers/:id/reversals.
import { Router } from 'express';
import { apiRoute } from './api-route';
import { listPage } from './list-pages';
import type { StandinContext } from './standin-state';
import { createTransfer, getTransfer, reversalsNewestFirst, reverseTransfer, transfersNewestFirst, viewTransfer } from './transfers';

export function transfersRouter(ctx: StandinContext): Router {
  const router = Router();
  router.post(
    '/v1/transfers',
    apiRoute(ctx, ({ params, origin }) => {
      const input = {
        amount: params.integer('amount', { required: true, min: 1 }),
        currency: params.currency('currency', { required: true }),
        destination: params.string('destination', { required: true }),
        transferGroup: params.string('transfer_group'),
        description: params.string('description'),
        sourceTransaction: params.string('source_transaction'),
        metadata: params.metadata(),
      };
      return viewTransfer(ctx, createTransfer(ctx, input, origin));
    }),
  );
  router.get(
    '/v1/transfers/:id',
    apiRoute(ctx, ({ path }) => viewTransfer(ctx, getTransfer(ctx, path.id!))),
  );
  router.get(
    '/v1/transfers',
    apiRoute(ctx, ({ params }) => {
      const transfers = transfersNewestFirst(ctx, { destination: params.string('destination'), transferGroup: params.string('transfer_group') });
      return listPage(
        transfers.map((t) => viewTransfer(ctx, t)),
        params,
        '/v1/transfers',
      );
    }),
  );
  router.post(
    '/v1/transfers/:id/reversals',
    apiRoute(ctx, ({ params, path, origin }) =>
      reverseTransfer(
        ctx,
        path.id!,
        { amount: params.integer('amount', { min: 1 }), description: params.string('description'), metadata: params.metadata() },
        origin,
      ),
    ),
  );
  router.get(
    '/v1/transfers/:id/reversals',
    apiRoute(ctx, ({ params, path }) => listPage(reversalsNewestFirst(ctx, getTransfer(ctx, path.id!).id), params, `/v1/transfers/${path.id}/reversals`)),
  );
  return router;
}
