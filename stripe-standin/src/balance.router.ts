// /v1/balance and /v1/balance_transactions/:id.
import { Router } from 'express';
import { apiRoute } from './api-route';
import { getBalance } from './balance';
import { resourceMissing } from './stripe-errors';
import type { StandinContext } from './standin-state';

export function balanceRouter(ctx: StandinContext): Router {
  const router = Router();
  router.get(
    '/v1/balance',
    apiRoute(ctx, () => getBalance(ctx)),
  );
  router.get(
    '/v1/balance_transactions/:id',
    apiRoute(ctx, ({ path }) => {
      const txn = ctx.state.balanceTransactions.get(path.id!);
      if (!txn) throw resourceMissing('balance transaction', path.id!);
      return txn;
    }),
  );
  return router;
}
