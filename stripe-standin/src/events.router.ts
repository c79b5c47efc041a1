// /v1/events: retrieve one, or list newest first (optionally of one `type`, e.g. `charge.*`).
import { Router } from 'express';
import { apiRoute } from './api-route';
import { eventsNewestFirst } from './events';
import { listPage } from './list-pages';
import { resourceMissing } from './stripe-errors';
import type { StandinContext } from './standin-state';

export function eventsRouter(ctx: StandinContext): Router {
  const router = Router();
  router.get(
    '/v1/events/:id',
    apiRoute(ctx, ({ path }) => {
      const record = ctx.state.events.get(path.id!);
      if (!record) throw resourceMissing('event', path.id!);
      return record.event;
    }),
  );
  router.get(
    '/v1/events',
    apiRoute(ctx, ({ params }) => listPage(eventsNewestFirst(ctx.state, params.string('type')), params, '/v1/events')),
  );
  return router;
}
