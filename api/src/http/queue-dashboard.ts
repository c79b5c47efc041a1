// bull-board at /admin/queues, for operators only (session cookie or bearer token).
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import type { AppDeps } from '@leadex/core';
import { QUEUE, QUEUE_PREFIX } from '@leadex/core/queues/job-payloads';
import { resolveActor } from './resolve-actor';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const DASHBOARD_QUEUES = Object.values(QUEUE);

export function queueDashboard(deps: AppDeps, redis: Redis, prefix = QUEUE_PREFIX): { router: Router; close(): Promise<void> } {
  const queues = DASHBOARD_QUEUES.map((name) => new Queue(name, { connection: redis, prefix }));
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  const router = Router();
  const operatorsOnly = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = await resolveActor(deps, req);
      if (actor?.role === 'OPERATOR') return next();
      res
        .status(actor ? 403 : 401)
        .type('text/plain')
        .send(actor ? 'Operators only' : 'Sign in as an operator first');
    } catch {
      res.status(401).type('text/plain').send('Sign in as an operator first');
    }
  };
  router.use(QUEUE_DASHBOARD_PATH, operatorsOnly, adapter.getRouter());
  return { router, close: async () => void (await Promise.all(queues.map((q) => q.close()))) };
}
