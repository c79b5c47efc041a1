// /healthz (the process is up) and /readyz (the database and Redis answer).
import { sql } from '@leadex/db';
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { AppDeps } from '@leadex/core';

export function healthRoutes(deps: AppDeps, redis: Redis): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const timeout = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    const [db, cache] = await Promise.allSettled([timeout(deps.db.execute(sql`select 1`)), timeout(redis.ping())]);
    const checks = { database: db.status === 'fulfilled' ? 'ok' : 'down', redis: cache.status === 'fulfilled' ? 'ok' : 'down' };
    res
      .status(checks.database === 'ok' && checks.redis === 'ok' ? 200 : 503)
      .json({ status: checks.database === 'ok' && checks.redis === 'ok' ? 'ready' : 'not ready', checks });
  });
  return router;
}
