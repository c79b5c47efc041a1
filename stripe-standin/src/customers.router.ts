// /v1/customers: create and retrieve.
import { Router } from 'express';
import { apiRoute } from './api-route';
import { createCustomer, getCustomer } from './customers';
import type { StandinContext } from './standin-state';

export function customersRouter(ctx: StandinContext): Router {
  const router = Router();
  router.post(
    '/v1/customers',
    apiRoute(ctx, ({ params, origin }) =>
      createCustomer(
        ctx,
        {
          email: params.string('email'),
          name: params.string('name'),
          description: params.string('description'),
          phone: params.string('phone'),
          metadata: params.metadata(),
        },
        origin,
      ),
    ),
  );
  router.get(
    '/v1/customers/:id',
    apiRoute(ctx, ({ path }) => getCustomer(ctx, path.id!)),
  );
  return router;
}
